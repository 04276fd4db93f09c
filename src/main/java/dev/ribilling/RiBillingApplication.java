package dev.ribilling;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class RiBillingApplication {
    public static void main(String[] args) {
        System.exit(SpringApplication.exit(SpringApplication.run(RiBillingApplication.class, args)));
    }
}
