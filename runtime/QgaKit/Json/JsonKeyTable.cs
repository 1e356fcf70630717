using System;

namespace QgaKit.Json;

/// <summary>
/// Duplicate-key detection for big objects (small ones are scanned linearly): an open-addressing set of
/// (object, decoded key) over the tokens of one message, cleared in O(1) per message with a generation stamp.
/// Keeps a hostile 500,000-member object from costing quadratic time.
/// </summary>
internal sealed class JsonKeyTable
{
    private int[] _keys = [];
    private int[] _objects = [];
    private int[] _hashes = [];
    private int[] _generations = [];
    private int _generation = 1;
    private int _count;

    public void Clear()
    {
        _count = 0;
        if (++_generation == int.MaxValue || JsonBuffers.IsLarge(_keys))
        {
            Release();
        }
    }

    /// <summary>Adds the key token <paramref name="key"/> of the object at <paramref name="obj"/>; false if it was there.</summary>
    public bool Add(JsonDocument doc, int obj, int key)
    {
        if ((_count + 1) * 2 > _keys.Length)
        {
            Resize(Math.Max(64, _keys.Length * 2));
        }

        var name = doc.Bytes(key);
        int hash = HashCode.Combine(obj, Hash(name));
        int mask = _keys.Length - 1;
        int slot = hash & mask;
        while (_generations[slot] == _generation)
        {
            if (_hashes[slot] == hash && _objects[slot] == obj && doc.Bytes(_keys[slot]).SequenceEqual(name))
            {
                return false;
            }

            slot = (slot + 1) & mask;
        }

        _generations[slot] = _generation;
        _keys[slot] = key;
        _objects[slot] = obj;
        _hashes[slot] = hash;
        _count++;
        return true;
    }

    private static int Hash(ReadOnlySpan<byte> name)
    {
        var h = default(HashCode);
        h.AddBytes(name);
        return h.ToHashCode();
    }

    private void Resize(int size)
    {
        int[] keys = _keys, objects = _objects, hashes = _hashes, generations = _generations;
        int oldGeneration = _generation;
        _keys = new int[size];
        _objects = new int[size];
        _hashes = new int[size];
        _generations = new int[size];
        _generation = 1;
        _count = 0;
        int mask = size - 1;
        for (int i = 0; i < keys.Length; i++)
        {
            if (generations[i] != oldGeneration)
            {
                continue;
            }

            int slot = hashes[i] & mask;
            while (_generations[slot] == _generation)
            {
                slot = (slot + 1) & mask;
            }

            _generations[slot] = _generation;
            _keys[slot] = keys[i];
            _objects[slot] = objects[i];
            _hashes[slot] = hashes[i];
            _count++;
        }
    }

    private void Release()
    {
        _keys = [];
        _objects = [];
        _hashes = [];
        _generations = [];
        _generation = 1;
    }
}
