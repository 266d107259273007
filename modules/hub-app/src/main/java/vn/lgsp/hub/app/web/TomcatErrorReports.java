package vn.lgsp.hub.app.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.catalina.Pipeline;
import org.apache.catalina.Valve;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Puts {@link ProblemErrorReportValve} on the embedded Tomcat's host, where Tomcat reports the requests it refuses
 * before any application sees them (a refused URI is mapped to no context; a request whose headers could not be
 * parsed never enters one).
 */
@Configuration(proxyBeanMethods = false)
public class TomcatErrorReports {

    @Bean
    WebServerFactoryCustomizer<TomcatServletWebServerFactory> problemErrorReports(ObjectProvider<ObjectMapper> json) {
        // runs after Spring Boot's own customizer (order 0), whose context customizer adds a plain ErrorReportValve
        // when server.error.include-stacktrace is never
        return factory -> factory.addContextCustomizers(context -> {
            StandardHost host = (StandardHost) context.getParent();
            Pipeline pipeline = host.getPipeline();
            for (Valve valve : pipeline.getValves()) {
                if (valve.getClass() == ErrorReportValve.class) {
                    pipeline.removeValve(valve);
                }
            }
            pipeline.addValve(new ProblemErrorReportValve(json::getObject));
            // the host adds a valve of this class when it starts unless one is there: ours is, so none is added
            host.setErrorReportValveClass(ProblemErrorReportValve.class.getName());
        });
    }
}
