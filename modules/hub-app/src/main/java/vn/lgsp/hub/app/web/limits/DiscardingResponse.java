package vn.lgsp.hub.app.web.limits;

import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.util.function.BooleanSupplier;

/**
 * The response of a request with a {@link CountingRequest}: once its body has passed the limit, whatever the
 * endpoint answers (a problem about unreadable JSON, CXF's fault about an unreadable envelope) is dropped, and
 * {@link RequestBodyLimitFilter} answers 413 itself. Until then it passes everything through unchanged.
 */
final class DiscardingResponse extends HttpServletResponseWrapper {

    private final BooleanSupplier discard;
    private ServletOutputStream stream;
    private PrintWriter writer;

    DiscardingResponse(HttpServletResponse response, BooleanSupplier discard) {
        super(response);
        this.discard = discard;
    }

    private boolean on() {
        return discard.getAsBoolean();
    }

    @Override
    public void setStatus(int sc) {
        if (!on()) {
            super.setStatus(sc);
        }
    }

    @Override
    public void sendError(int sc) throws IOException {
        if (!on()) {
            super.sendError(sc);
        }
    }

    @Override
    public void sendError(int sc, String msg) throws IOException {
        if (!on()) {
            super.sendError(sc, msg);
        }
    }

    @Override
    public void sendRedirect(String location) throws IOException {
        if (!on()) {
            super.sendRedirect(location);
        }
    }

    @Override
    public void setHeader(String name, String value) {
        if (!on()) {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if (!on()) {
            super.addHeader(name, value);
        }
    }

    @Override
    public void setIntHeader(String name, int value) {
        if (!on()) {
            super.setIntHeader(name, value);
        }
    }

    @Override
    public void addIntHeader(String name, int value) {
        if (!on()) {
            super.addIntHeader(name, value);
        }
    }

    @Override
    public void setDateHeader(String name, long date) {
        if (!on()) {
            super.setDateHeader(name, date);
        }
    }

    @Override
    public void addDateHeader(String name, long date) {
        if (!on()) {
            super.addDateHeader(name, date);
        }
    }

    @Override
    public void setContentType(String type) {
        if (!on()) {
            super.setContentType(type);
        }
    }

    @Override
    public void setCharacterEncoding(String charset) {
        if (!on()) {
            super.setCharacterEncoding(charset);
        }
    }

    @Override
    public void setContentLength(int len) {
        if (!on()) {
            super.setContentLength(len);
        }
    }

    @Override
    public void setContentLengthLong(long len) {
        if (!on()) {
            super.setContentLengthLong(len);
        }
    }

    @Override
    public void flushBuffer() throws IOException {
        if (!on()) {
            super.flushBuffer();
        }
    }

    @Override
    public ServletOutputStream getOutputStream() {
        if (stream == null) {
            stream = new Gate();
        }
        return stream;
    }

    /** Unbuffered: characters go straight to the real writer, which the container flushes at the end. */
    @Override
    public PrintWriter getWriter() {
        if (writer == null) {
            writer = new PrintWriter(new Writer() {
                @Override
                public void write(char[] chars, int off, int len) throws IOException {
                    if (!on()) {
                        DiscardingResponse.super.getWriter().write(chars, off, len);
                    }
                }

                @Override
                public void flush() throws IOException {
                    if (!on()) {
                        DiscardingResponse.super.getWriter().flush();
                    }
                }

                @Override
                public void close() throws IOException {
                    if (!on()) {
                        DiscardingResponse.super.getWriter().close();
                    }
                }
            });
        }
        return writer;
    }

    /** Passes bytes to the real stream, opened only at the first byte that is not dropped. */
    private final class Gate extends ServletOutputStream {

        private ServletOutputStream out;

        private ServletOutputStream out() throws IOException {
            if (out == null) {
                out = DiscardingResponse.super.getOutputStream();
            }
            return out;
        }

        @Override
        public void write(int b) throws IOException {
            if (!on()) {
                out().write(b);
            }
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (!on()) {
                out().write(b, off, len);
            }
        }

        @Override
        public void flush() throws IOException {
            if (!on()) {
                out().flush();
            }
        }

        @Override
        public void close() throws IOException {
            if (!on()) {
                out().close();
            }
        }

        @Override
        public boolean isReady() {
            return true;
        }

        @Override
        public void setWriteListener(WriteListener listener) {
            try {
                out().setWriteListener(listener);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
