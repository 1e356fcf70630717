using QgaKit;

namespace QgaAgent1;

/// <summary>A command set: every <c>[QgaCommand]</c> method of this partial class is registered by the generator.</summary>
public sealed partial class InventoryCommands
{
    /// <summary>
    /// <c>guest-inventory</c>: an example command. Parameters bind from <c>arguments</c> by kebab-case name
    /// (<paramref name="includeUptime"/> is <c>include-uptime</c>, optional because it has a default); the record
    /// becomes <c>{"host-name": …, "uptime-seconds": …}</c>, with null members left out.
    /// </summary>
    [QgaCommand("guest-inventory")]
    public InventoryResult Get(bool includeUptime = true)
        => new(Environment.MachineName, includeUptime ? Environment.TickCount64 / 1000 : null);
}

/// <summary>The reply of <c>guest-inventory</c>.</summary>
public sealed record InventoryResult(string HostName, long? UptimeSeconds);
