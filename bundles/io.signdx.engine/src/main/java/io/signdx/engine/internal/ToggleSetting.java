package io.signdx.engine.internal;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.Designate;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/**
 * One operator switch, from a factory configuration {@code io.signdx.toggle} — in practice a file
 * {@code conf/io.signdx.toggle-<id>.cfg} that FileInstall turns into configuration. Registered as a
 * service so that the engine sees switches come, change and go like any other whiteboard service.
 */
@Component(configurationPid = ToggleSetting.PID, configurationPolicy = ConfigurationPolicy.REQUIRE,
        service = ToggleSetting.class)
@Designate(ocd = ToggleSetting.Config.class, factory = true)
public final class ToggleSetting {
    static final String PID = "io.signdx.toggle";

    @ObjectClassDefinition(name = "SignDx module switch",
            description = "Switches one detector (by scenario id) or one bundle (by symbolic name) on or off")
    public @interface Config {
        @AttributeDefinition(description = "A scenario id such as ca.blocked, or a bundle symbolic name")
        String module();

        @AttributeDefinition(description = "false switches the module off")
        boolean enabled() default false;
    }

    private final String module;
    private final boolean enabled;

    @Activate
    public ToggleSetting(Config config) {
        this.module = config.module() == null ? "" : config.module().trim();
        this.enabled = config.enabled();
    }

    String module() {
        return module;
    }

    boolean enabled() {
        return enabled;
    }
}
