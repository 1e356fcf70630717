using System;
using System.Text;

namespace QgaKit.Protocol;

/// <summary>
/// The order in which qemu walks a QDict: by hash bucket (<c>tdb_hash(key) % 512</c>, qobject/qdict.c), and within a
/// bucket the last inserted member first. qemu-ga reports the first bad request member in this order, so using it
/// when several members are bad gives the same error text. (Checked against 7.2: it predicts <c>zeta</c> before
/// <c>alpha</c>, <c>execute</c> before <c>arguments</c>, and qemu-ga's reply key orders.)
/// </summary>
internal static class QdictOrder
{
    private const int BucketCount = 512;

    /// <summary>The bucket qemu puts <paramref name="utf8Key"/> in.</summary>
    public static int Bucket(ReadOnlySpan<byte> utf8Key)
    {
        unchecked
        {
            var value = 0x238F13AFu * (uint)utf8Key.Length;
            for (var i = 0; i < utf8Key.Length; i++)
            {
                value += (uint)utf8Key[i] << (i * 5 % 24);
            }

            return (int)((1103515243u * value + 12345u) % BucketCount);
        }
    }

    public static int Bucket(string key) => Bucket(Encoding.UTF8.GetBytes(key));

    /// <summary>True when member <paramref name="a"/> (request position <paramref name="indexA"/>) comes before
    /// member <paramref name="b"/> in qemu's walk.</summary>
    public static bool Precedes(string a, int indexA, string b, int indexB)
    {
        var bucketA = Bucket(a);
        var bucketB = Bucket(b);
        return bucketA != bucketB ? bucketA < bucketB : indexA > indexB;
    }
}
