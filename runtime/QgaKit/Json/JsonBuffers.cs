using System;
using System.Buffers;
using System.Runtime.CompilerServices;

namespace QgaKit.Json;

/// <summary>
/// Buffers of the JSON layer. Small ones come from the shared pool; big ones (a 64 MiB message) are plain arrays
/// so that the memory goes back to the GC as soon as the parser shrinks, instead of staying parked in the pool.
/// </summary>
internal static class JsonBuffers
{
    /// <summary>Buffers above this many bytes are not pooled, and are given up once the message that needed them is done.</summary>
    public const int LargeBytes = 1 << 20;

    public static T[] Rent<T>(int minimumLength)
    {
        if ((long)minimumLength * Unsafe.SizeOf<T>() <= LargeBytes)
        {
            return ArrayPool<T>.Shared.Rent(minimumLength);
        }

        return GC.AllocateUninitializedArray<T>(minimumLength);
    }

    public static void Return<T>(T[] array)
    {
        if (array.Length != 0 && (long)array.Length * Unsafe.SizeOf<T>() <= LargeBytes)
        {
            ArrayPool<T>.Shared.Return(array);
        }
    }

    public static bool IsLarge<T>(T[] array) => (long)array.Length * Unsafe.SizeOf<T>() > LargeBytes;

    /// <summary>A buffer of at least <paramref name="needed"/> elements holding the first <paramref name="used"/> of the old one.</summary>
    public static T[] Grow<T>(T[] array, int used, int needed, int maximum)
    {
        long doubled = Math.Max((long)array.Length * 2, 256);
        int size = (int)Math.Min(Math.Max(doubled, needed), Math.Min(maximum, Array.MaxLength));
        if (size < needed)
        {
            throw new InvalidOperationException("JSON buffer would exceed its maximum size.");
        }

        var bigger = Rent<T>(size);
        Array.Copy(array, bigger, used);
        Return(array);
        return bigger;
    }
}
