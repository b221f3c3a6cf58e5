package io.signdx.api.model;

/**
 * The device as the sign-in saw it. An unregistered device has no {@code deviceId} and
 * {@code null} compliance, management and trust type.
 *
 * @param deviceId the Entra device id, or {@code null} when the device is not registered
 * @param displayName device name
 * @param operatingSystem operating system as reported, e.g. "Windows 10"
 * @param browser browser and version as reported
 * @param isCompliant compliant according to Intune (or {@code null} when unknown)
 * @param isManaged managed by an MDM (or {@code null} when unknown)
 * @param trustType "Azure AD joined", "Hybrid Azure AD joined", "Azure AD registered" ... or {@code null}
 */
public record DeviceDetail(String deviceId, String displayName, String operatingSystem, String browser,
        Boolean isCompliant, Boolean isManaged, String trustType) {
    /** Nothing known about the device. */
    public static final DeviceDetail UNKNOWN = new DeviceDetail(null, null, null, null, null, null, null);

    /** True when the device is registered in the directory (it has a device id). */
    public boolean isRegistered() {
        return deviceId != null && !deviceId.isBlank();
    }
}
