using System;
using System.Globalization;

namespace QgaKit.Transports;

/// <summary>Parses <c>-p CID:PORT</c> for vsock-listen with qemu's rules and texts (<c>vsock_parse</c>).</summary>
public static class VsockAddress
{
    // qemu: sscanf(str, "%32[^:]:%32[^,]%n", cid, port, &n); trailing text is an error.
    private const int MaxField = 32;

    public static (uint Cid, uint Port) Parse(string address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var colon = address.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon > MaxField || colon == address.Length - 1 || address[colon + 1] == ',')
        {
            throw new TransportException(TransportTexts.ParseAddressFailed(address));
        }

        var cid = address[..colon];
        var rest = address[(colon + 1)..];
        var comma = rest.IndexOf(',', StringComparison.Ordinal);
        var port = comma < 0 ? rest : rest[..comma];
        if (port.Length > MaxField || comma >= 0)
        {
            throw new TransportException(TransportTexts.TrailingCharacters(address));
        }

        return (ParseUInt(cid) ?? throw new TransportException(TransportTexts.ParseCidFailed(cid)),
                ParseUInt(port) ?? throw new TransportException(TransportTexts.ParsePortFailed(port)));
    }

    /// <summary>qemu_strtoui with base 10: the whole text, an optional sign (a negative value wraps, as strtoul's
    /// does), no more than 32 bits.</summary>
    private static uint? ParseUInt(string text)
    {
        var trimmed = text.TrimStart();
        var negative = trimmed.StartsWith('-');
        var digits = negative || trimmed.StartsWith('+') ? trimmed[1..] : trimmed;
        if (digits.Length == 0 || !ulong.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value > uint.MaxValue)
        {
            return null;
        }

        return negative ? unchecked((uint)-(long)value) : (uint)value;
    }
}
