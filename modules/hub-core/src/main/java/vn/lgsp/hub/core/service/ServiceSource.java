package vn.lgsp.hub.core.service;

import java.util.List;

/**
 * Contributes services to the hub's catalogue when they are only known once configuration has been read (route
 * files, for instance). A module whose services are fixed declares {@link ServiceDescriptor} beans instead.
 */
@FunctionalInterface
public interface ServiceSource {

    List<ServiceDescriptor> services();
}
