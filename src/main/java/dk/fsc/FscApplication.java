package dk.fsc;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * The shared service center platform (Fælles Servicecenter): one modular monolith with a
 * top-level package per business capability.
 */
@SpringBootApplication
@EnableScheduling
public class FscApplication {

    public static void main(String[] args) {
        SpringApplication.run(FscApplication.class, args);
    }
}
