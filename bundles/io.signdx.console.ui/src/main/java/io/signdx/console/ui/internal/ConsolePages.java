package io.signdx.console.ui.internal;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.servlet.whiteboard.propertytypes.HttpWhiteboardResource;

/**
 * Serves the console's static pages under {@code /ui/} from this bundle's {@code web} folder. The pages
 * hold no data: everything they show comes from the REST API, which checks authentication and roles.
 */
@Component(service = ConsolePages.class)
@HttpWhiteboardResource(pattern = "/ui/*", prefix = "/web")
public final class ConsolePages {
}
