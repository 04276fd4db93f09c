package dev.ribilling.remote;

import java.util.Locale;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;

/** Conditions on {@code billing.remote.role} (case and surrounding blanks ignored; default none). */
final class RemoteRole {

    private RemoteRole() {
    }

    static String of(Environment environment) {
        return environment.getProperty("billing.remote.role", RemoteSettings.NONE).trim().toLowerCase(Locale.ROOT);
    }

    static final class Manager implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context.getEnvironment()).equals(RemoteSettings.MANAGER);
        }
    }

    static final class Worker implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return of(context.getEnvironment()).equals(RemoteSettings.WORKER);
        }
    }

    static final class Any implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String role = of(context.getEnvironment());
            return role.equals(RemoteSettings.MANAGER) || role.equals(RemoteSettings.WORKER);
        }
    }
}
