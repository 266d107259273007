package vn.lgsp.hub.it.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The baseline of the start-up benchmark ({@link StartupBench}): the smallest Spring Boot web application with
 * actuator, one endpoint and nothing else, on the same Spring Boot version as the hub. What it takes to start is what
 * any Spring Boot web service pays on this machine; the hub's start-up is compared with it. Started as a process from
 * the test classpath of hub-it, whose only Spring jars are those of spring-boot-starter-web and -actuator (WireMock's
 * are relocated), so auto-configuration finds nothing else to set up. No component scan: this class is the one bean.
 */
@SpringBootConfiguration
@EnableAutoConfiguration
@RestController
public class MinimalWebApp {

    @GetMapping("/hello")
    public String hello() {
        return "ok";
    }

    public static void main(String[] args) {
        SpringApplication.run(MinimalWebApp.class, args);
    }
}
