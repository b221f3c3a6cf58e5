package io.signdx.policy.internal.rule;

import java.util.List;

/** The device a rule is evaluated against: per property, unknown, null, or its value. */
public interface DeviceView {

    /** False when the property's value is not known (the rule cannot be decided on it). */
    boolean isKnown(DeviceProperty property);

    /** The value of a single-valued property; null when the property is null (not set). */
    String text(DeviceProperty property);

    /** The elements of a collection property; empty when it is null. */
    List<String> items(DeviceProperty property);
}
