package vn.lgsp.hub.audit;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Savepoint;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;

/** Row helpers the stores share. */
final class Rows {

    private Rows() {
    }

    /**
     * Inserts a row unless another transaction created it first. The insert runs under a savepoint: on PostgreSQL a
     * failed statement aborts the whole transaction, so without rolling back to the savepoint the
     * {@code SELECT ... FOR UPDATE} that follows a lost race would fail instead of waiting for the winner's lock.
     */
    static void insertIfAbsent(JdbcTemplate jdbc, String sql, Object... args) {
        jdbc.execute((ConnectionCallback<Void>) con -> {
            Savepoint savepoint = con.getAutoCommit() ? null : con.setSavepoint();
            try (PreparedStatement ps = con.prepareStatement(sql)) {
                for (int i = 0; i < args.length; i++) {
                    ps.setObject(i + 1, args[i]);
                }
                ps.executeUpdate();
            } catch (SQLException e) {
                if (!(jdbc.getExceptionTranslator().translate("insert", sql, e) instanceof DuplicateKeyException)) {
                    throw e;
                }
                // another transaction created it first; waiting on its lock in the select that follows is what we want
                if (savepoint != null) {
                    con.rollback(savepoint);
                }
                return null;
            }
            if (savepoint != null) {
                con.releaseSavepoint(savepoint);
            }
            return null;
        });
    }
}
