using System;
using System.Globalization;

namespace QgaKit.Json;

/// <summary>
/// Doubles in the layout of C's <c>%.17g</c>, which qemu's writer uses, but with the shortest digits that round-trip:
/// fixed notation while the decimal exponent is in [-4, 17), otherwise <c>d.ddde±XX</c>; no trailing zeros;
/// <c>inf</c>, <c>-inf</c> and <c>nan</c> as glibc prints them (qemu emits those, though they are not JSON).
/// </summary>
internal static class JsonDoubleFormat
{
    private const int Precision = 17;

    /// <summary>Writes <paramref name="value"/> to <paramref name="destination"/> (32 bytes are enough).</summary>
    public static int Format(double value, Span<byte> destination)
    {
        if (double.IsNaN(value))
        {
            return Copy("nan"u8, destination);
        }

        if (double.IsInfinity(value))
        {
            return Copy(value > 0 ? "inf"u8 : "-inf"u8, destination);
        }

        if (value == 0)
        {
            return Copy(double.IsNegative(value) ? "-0"u8 : "0"u8, destination);
        }

        Span<byte> text = stackalloc byte[40];
        value.TryFormat(text, out int length, "R", CultureInfo.InvariantCulture);
        text = text[..length];

        // Split .NET's round-trip text into sign, significant digits and the decimal exponent of the first digit.
        int w = 0;
        bool negative = text[0] == (byte)'-';
        Span<byte> digits = stackalloc byte[24];
        int count = 0;
        int point = -1;
        int i = negative ? 1 : 0;
        for (; i < text.Length && text[i] != (byte)'E'; i++)
        {
            if (text[i] == (byte)'.')
            {
                point = count;
            }
            else
            {
                digits[count++] = text[i];
            }
        }

        if (point < 0)
        {
            point = count;
        }

        int exponent10 = 0;
        if (i < text.Length)
        {
            int.TryParse(text[(i + 1)..], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out exponent10);
        }

        int lead = 0;
        while (lead < count - 1 && digits[lead] == (byte)'0')
        {
            lead++;
        }

        digits = digits[lead..count];
        point -= lead;
        count = digits.Length;
        while (count > 1 && digits[count - 1] == (byte)'0')
        {
            count--;
        }

        digits = digits[..count];
        int exponent = point - 1 + exponent10;

        if (negative)
        {
            destination[w++] = (byte)'-';
        }

        if (exponent < -4 || exponent >= Precision)
        {
            destination[w++] = digits[0];
            if (count > 1)
            {
                destination[w++] = (byte)'.';
                digits[1..].CopyTo(destination[w..]);
                w += count - 1;
            }

            destination[w++] = (byte)'e';
            destination[w++] = exponent < 0 ? (byte)'-' : (byte)'+';
            int magnitude = Math.Abs(exponent);
            if (magnitude < 10)
            {
                destination[w++] = (byte)'0';
            }

            magnitude.TryFormat(destination[w..], out int written, default, CultureInfo.InvariantCulture);
            return w + written;
        }

        if (exponent < 0)
        {
            destination[w++] = (byte)'0';
            destination[w++] = (byte)'.';
            for (int z = -1; z > exponent; z--)
            {
                destination[w++] = (byte)'0';
            }

            digits.CopyTo(destination[w..]);
            return w + count;
        }

        int whole = exponent + 1;
        for (int k = 0; k < whole; k++)
        {
            destination[w++] = k < count ? digits[k] : (byte)'0';
        }

        if (count > whole)
        {
            destination[w++] = (byte)'.';
            digits[whole..].CopyTo(destination[w..]);
            w += count - whole;
        }

        return w;
    }

    private static int Copy(ReadOnlySpan<byte> text, Span<byte> destination)
    {
        text.CopyTo(destination);
        return text.Length;
    }
}
