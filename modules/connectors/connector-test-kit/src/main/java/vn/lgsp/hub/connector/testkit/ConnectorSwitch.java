package vn.lgsp.hub.connector.testkit;

import static org.assertj.core.api.Assertions.assertThat;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/**
 * The auto-configuration checks every connector has: a context runner with the connector's auto-configuration alone,
 * and the switch {@code hub.connector.<code>.enabled=false} leaving none of its beans behind.
 */
public final class ConnectorSwitch {

    private ConnectorSwitch() {
    }

    /** A runner with {@code autoConfiguration} and nothing else. */
    public static ApplicationContextRunner runner(Class<?> autoConfiguration) {
        return new ApplicationContextRunner().withConfiguration(AutoConfigurations.of(autoConfiguration));
    }

    /** With {@code hub.connector.<code>.enabled=false}, the context has no bean of any of {@code beanTypes}. */
    public static void assertSwitchesOff(ApplicationContextRunner runner, String code, Class<?>... beanTypes) {
        runner.withPropertyValues("hub.connector." + code + ".enabled=false").run(context -> {
            assertThat(context).hasNotFailed();
            for (Class<?> type : beanTypes) {
                assertThat(context).doesNotHaveBean(type);
            }
        });
    }
}
