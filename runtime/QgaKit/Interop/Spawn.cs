using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Runtime.InteropServices;

namespace QgaKit.Interop;

/// <summary>Where a child's fd 0, 1 or 2 goes.</summary>
internal readonly struct StdioTarget
{
    private StdioTarget(int kind, int fd)
    {
        Kind = kind;
        Fd = fd;
    }

    /// <summary>The parent's own descriptor with the same number (posix_spawn's default).</summary>
    public static StdioTarget Inherit => new(0, -1);

    /// <summary><c>/dev/null</c>, opened read-write as qemu-ga's <c>reopen_fd_to_null</c> does.</summary>
    public static StdioTarget DevNull => new(1, -1);

    /// <summary>A descriptor of the parent (e.g. the write end of a pipe from <see cref="Spawn.CreatePipe"/>),
    /// dup2'ed onto the child's fd; it may be O_CLOEXEC in the parent.</summary>
    public static StdioTarget Descriptor(int fd) => new(2, fd);

    internal int Kind { get; }

    internal int Fd { get; }
}

/// <summary>Everything a posix_spawn child gets. Defaults are the hook's environment: stdio on /dev/null,
/// every descriptor above 2 closed, every signal default and nothing blocked, the real <c>environ</c>.</summary>
internal sealed class SpawnOptions
{
    public SpawnOptions(string path, IReadOnlyList<string> argv)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(argv);
        Path = path;
        Argv = argv;
    }

    /// <summary>The executable; used as is (no PATH search, like qemu-ga 7.2's execle).</summary>
    public string Path { get; }

    /// <summary>The complete argv, argv[0] included.</summary>
    public IReadOnlyList<string> Argv { get; }

    /// <summary><c>KEY=VALUE</c> entries, or null for the process's real C <c>environ</c> (which managed
    /// <c>Environment.SetEnvironmentVariable</c> does not update on Unix).</summary>
    public IReadOnlyList<string>? Environment { get; set; }

    /// <summary>POSIX_SPAWN_SETSID: own session and process group (pgid = sid = pid), no controlling tty.</summary>
    public bool NewSession { get; set; }

    public StdioTarget Stdin { get; set; } = StdioTarget.DevNull;

    public StdioTarget Stdout { get; set; } = StdioTarget.DevNull;

    public StdioTarget Stderr { get; set; } = StdioTarget.DevNull;

    /// <summary>Parent descriptors handed to the child as fds 3, 4, … in this order (e.g. a readiness pipe).</summary>
    public IReadOnlyList<int> PassDescriptors { get; set; } = Array.Empty<int>();

    /// <summary>Close every other descriptor above 2 (and above the passed ones) in the child, including ones this
    /// process inherited without O_CLOEXEC.</summary>
    public bool CloseOtherDescriptors { get; set; } = true;

    /// <summary>POSIX_SPAWN_SETSIGDEF (every signal) + SETSIGMASK (empty). Without it the child inherits this
    /// process's ignored signals (.NET ignores SIGPIPE) and the calling thread's mask.</summary>
    public bool ResetSignals { get; set; } = true;

    /// <summary>The child's working directory, or null for this process's.</summary>
    public string? WorkingDirectory { get; set; }
}

/// <summary>posix_spawn(3) and the descriptors it hands to children (pipe2, close, read). No fork() in .NET:
/// glibc's posix_spawn uses clone(CLONE_VM|CLONE_VFORK), safe in a multi-threaded runtime.</summary>
internal static unsafe partial class Spawn
{
    public const int O_RDONLY = 0;
    public const int O_WRONLY = 1;
    public const int O_RDWR = 2;
    public const int O_NONBLOCK = 0x800;
    public const int O_CLOEXEC = 0x80000;

    private const short POSIX_SPAWN_SETSIGDEF = 0x04;
    private const short POSIX_SPAWN_SETSIGMASK = 0x08;
    private const short POSIX_SPAWN_SETSID = 0x80;
    private const int F_DUPFD_CLOEXEC = 1030;
    private const int F_GETFL = 3;
    private const int F_SETFL = 4;

    // Opaque glibc objects, as 8-byte-aligned buffers with room to spare: file actions are 80 bytes,
    // attributes 336 (x86-64, glibc 2.36).
    private const int FileActionsLongs = 16;
    private const int AttrLongs = 48;

    private static bool s_noClosefrom;
    private static nint s_environAddress;

    /// <summary>Tests: use the /proc/self/fd close list even where addclosefrom_np exists.</summary>
    internal static bool UseCloseListFallback { get; set; }

    /// <summary>Starts a child; returns 0 with its pid, or the errno posix_spawn reported. Exec failures come back
    /// here synchronously (ENOENT, EACCES, ENOEXEC for a script without <c>#!</c>); EAGAIN/ENOMEM mean no child.</summary>
    public static int Start(SpawnOptions options, out int pid)
    {
        ArgumentNullException.ThrowIfNull(options);
        pid = 0;

        // Children get fds 0..2 and 3..(2 + passed). A source below that range would be overwritten by an earlier
        // dup2, so it is first copied above the range (O_CLOEXEC: the copy never reaches the child).
        int firstFree = 3 + options.PassDescriptors.Count;
        var temporary = new List<int>();
        try
        {
            int stdin = Source(options.Stdin, 0, firstFree, temporary);
            int stdout = Source(options.Stdout, 1, firstFree, temporary);
            int stderr = Source(options.Stderr, 2, firstFree, temporary);
            var passed = new int[options.PassDescriptors.Count];
            for (int i = 0; i < passed.Length; i++)
            {
                passed[i] = SourceFd(options.PassDescriptors[i], 3 + i, firstFree, temporary);
            }

            return StartCore(options, stdin, stdout, stderr, passed, firstFree, out pid);
        }
        finally
        {
            foreach (int fd in temporary)
            {
                _ = close(fd);
            }
        }
    }

    /// <summary>This process's executable, for re-executing itself (the apphost, the AOT binary, or <c>dotnet</c>).</summary>
    public static string CurrentExecutable => System.Environment.ProcessPath ?? "/proc/self/exe";

    /// <summary>This process's argv as the kernel has it (for <c>dotnet app.dll …</c> it includes <c>app.dll</c>),
    /// so <c>new SpawnOptions(CurrentExecutable, CurrentArgv())</c> re-runs the same command line.</summary>
    public static string[] CurrentArgv()
    {
        byte[] raw = File.ReadAllBytes("/proc/self/cmdline");
        var args = new List<string>();
        int start = 0;
        for (int i = 0; i < raw.Length; i++)
        {
            if (raw[i] == 0)
            {
                args.Add(System.Text.Encoding.UTF8.GetString(raw, start, i - start));
                start = i + 1;
            }
        }

        return args.ToArray();
    }

    /// <summary>The real C <c>environ</c> as <c>KEY=VALUE</c> strings, to pass on with additions
    /// (<see cref="SpawnOptions.Environment"/>).</summary>
    public static List<string> CurrentEnvironment()
    {
        var result = new List<string>();
        for (byte** entry = Environ(); entry != null && *entry != null; entry++)
        {
            result.Add(Marshal.PtrToStringUTF8((nint)(*entry))!);
        }

        return result;
    }

    /// <summary>pipe2(O_CLOEXEC); returns 0 or the errno.</summary>
    public static int CreatePipe(out int readFd, out int writeFd)
    {
        int* fds = stackalloc int[2];
        if (pipe2(fds, O_CLOEXEC) != 0)
        {
            readFd = writeFd = -1;
            return Errno.Last;
        }

        readFd = fds[0];
        writeFd = fds[1];
        return 0;
    }

    /// <summary>Adds O_NONBLOCK to a descriptor's status flags; returns 0 or the errno.</summary>
    public static int SetNonBlocking(int fd)
    {
        int flags = fcntl(fd, F_GETFL, 0);
        if (flags < 0 || fcntl(fd, F_SETFL, flags | O_NONBLOCK) < 0)
        {
            return Errno.Last;
        }

        return 0;
    }

    /// <summary>read(2); returns the byte count, 0 at end of file, or -errno.</summary>
    public static int Read(int fd, Span<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            nint r = read(fd, p, (nuint)buffer.Length);
            return r >= 0 ? (int)r : -Errno.Last;
        }
    }

    /// <summary>write(2); returns the byte count or -errno.</summary>
    public static int Write(int fd, ReadOnlySpan<byte> buffer)
    {
        fixed (byte* p = buffer)
        {
            nint r = write(fd, p, (nuint)buffer.Length);
            return r >= 0 ? (int)r : -Errno.Last;
        }
    }

    public static void Close(int fd)
    {
        if (fd >= 0)
        {
            _ = close(fd); // EINTR on close still frees the fd on Linux: never retried
        }
    }

    private static int Source(StdioTarget target, int childFd, int firstFree, List<int> temporary)
        => target.Kind == 2 ? SourceFd(target.Fd, childFd, firstFree, temporary) : -1;

    private static int SourceFd(int fd, int childFd, int firstFree, List<int> temporary)
    {
        if (fd < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(fd), fd, "A descriptor to hand to a child must be open.");
        }

        if (fd == childFd || fd >= firstFree)
        {
            return fd;
        }

        int copy = fcntl(fd, F_DUPFD_CLOEXEC, firstFree);
        if (copy < 0)
        {
            throw new IOException("fcntl(F_DUPFD_CLOEXEC) failed: " + Errno.Describe(Errno.Last));
        }

        temporary.Add(copy);
        return copy;
    }

    private static int StartCore(SpawnOptions options, int stdin, int stdout, int stderr, int[] passed, int firstFree, out int pid)
    {
        pid = 0;
        long* actions = stackalloc long[FileActionsLongs];
        long* attr = stackalloc long[AttrLongs];
        long* signals = stackalloc long[Signals.SigsetBytes / 8];
        using var strings = new NativeStrings();

        byte* path = strings.Add(options.Path);
        byte** argv = strings.AddArray(options.Argv);
        byte** envp = options.Environment is null ? Environ() : strings.AddArray(options.Environment);
        byte* devNull = strings.Add("/dev/null");
        byte* cwd = options.WorkingDirectory is null ? null : strings.Add(options.WorkingDirectory);

        int rc = posix_spawn_file_actions_init(actions);
        if (rc != 0)
        {
            return rc;
        }

        try
        {
            rc = posix_spawnattr_init(attr);
            if (rc != 0)
            {
                return rc;
            }

            try
            {
                rc = AddStdio(actions, options.Stdin, stdin, 0, devNull);
                rc = rc != 0 ? rc : AddStdio(actions, options.Stdout, stdout, 1, devNull);
                rc = rc != 0 ? rc : AddStdio(actions, options.Stderr, stderr, 2, devNull);
                for (int i = 0; rc == 0 && i < passed.Length; i++)
                {
                    rc = posix_spawn_file_actions_adddup2(actions, passed[i], 3 + i);
                }

                if (rc == 0 && options.CloseOtherDescriptors)
                {
                    rc = AddCloseFrom(actions, firstFree);
                }

                if (rc == 0 && cwd != null)
                {
                    rc = posix_spawn_file_actions_addchdir_np(actions, cwd);
                }

                short flags = 0;
                if (options.NewSession)
                {
                    flags |= POSIX_SPAWN_SETSID;
                }

                if (options.ResetSignals)
                {
                    // sigfillset leaves out glibc's internal 32/33, which posix_spawn leaves ignored in every child.
                    _ = Signals.sigfillset(signals);
                    rc = rc != 0 ? rc : posix_spawnattr_setsigdefault(attr, signals);
                    _ = Signals.sigemptyset(signals);
                    rc = rc != 0 ? rc : posix_spawnattr_setsigmask(attr, signals);
                    flags |= POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK;
                }

                rc = rc != 0 ? rc : posix_spawnattr_setflags(attr, flags);
                if (rc != 0)
                {
                    return rc;
                }

                int child;
                rc = posix_spawn(&child, path, actions, attr, argv, envp);
                if (rc == 0)
                {
                    pid = child;
                }

                return rc;
            }
            finally
            {
                _ = posix_spawnattr_destroy(attr);
            }
        }
        finally
        {
            _ = posix_spawn_file_actions_destroy(actions);
        }
    }

    private static int AddStdio(long* actions, StdioTarget target, int source, int childFd, byte* devNull) => target.Kind switch
    {
        1 => posix_spawn_file_actions_addopen(actions, childFd, devNull, O_RDWR, 0),
        2 => posix_spawn_file_actions_adddup2(actions, source, childFd),
        _ => 0,
    };

    private static int AddCloseFrom(long* actions, int firstFree)
    {
        if (!s_noClosefrom && !UseCloseListFallback)
        {
            try
            {
                return posix_spawn_file_actions_addclosefrom_np(actions, firstFree);
            }
            catch (EntryPointNotFoundException)
            {
                s_noClosefrom = true; // glibc older than 2.34
            }
        }

        // Fallback: close every descriptor open now. One opened later by another thread is O_CLOEXEC (all of
        // .NET's are), and glibc ignores EBADF for a listed fd that is already closed.
        foreach (string entry in Directory.EnumerateFileSystemEntries("/proc/self/fd"))
        {
            if (int.TryParse(System.IO.Path.GetFileName(entry), NumberStyles.None, CultureInfo.InvariantCulture, out int fd) && fd >= firstFree)
            {
                int rc = posix_spawn_file_actions_addclose(actions, fd);
                if (rc != 0)
                {
                    return rc;
                }
            }
        }

        return 0;
    }

    /// <summary>The C library's <c>environ</c>: the environment the process was started with plus any setenv.</summary>
    private static byte** Environ()
    {
        // The variable's address is fixed; its value changes with every setenv, so it is read each time.
        nint address = s_environAddress;
        if (address == 0)
        {
            address = NativeLibrary.GetExport(NativeLibrary.Load("libc.so.6"), "environ");
            s_environAddress = address;
        }

        return *(byte***)address;
    }

    /// <summary>NUL-terminated UTF-8 copies in native memory for the duration of one spawn.</summary>
    private sealed class NativeStrings : IDisposable
    {
        private readonly List<nint> _blocks = new();

        public byte* Add(string s)
        {
            int length = System.Text.Encoding.UTF8.GetByteCount(s);
            byte* p = (byte*)NativeMemory.Alloc((nuint)length + 1);
            _blocks.Add((nint)p);
            fixed (char* c = s)
            {
                System.Text.Encoding.UTF8.GetBytes(c, s.Length, p, length);
            }

            p[length] = 0;
            return p;
        }

        public byte** AddArray(IReadOnlyList<string> items)
        {
            byte** array = (byte**)NativeMemory.Alloc((nuint)(items.Count + 1), (nuint)sizeof(byte*));
            _blocks.Add((nint)array);
            for (int i = 0; i < items.Count; i++)
            {
                array[i] = Add(items[i]);
            }

            array[items.Count] = null;
            return array;
        }

        public void Dispose()
        {
            foreach (nint block in _blocks)
            {
                NativeMemory.Free((void*)block);
            }

            _blocks.Clear();
        }
    }

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawn(int* pid, byte* path, void* fileActions, void* attr, byte** argv, byte** envp);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawn_file_actions_init(void* fileActions);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawn_file_actions_destroy(void* fileActions);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawn_file_actions_addopen(void* fileActions, int fd, byte* path, int flags, uint mode);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawn_file_actions_adddup2(void* fileActions, int fd, int newFd);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawn_file_actions_addclose(void* fileActions, int fd);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawn_file_actions_addclosefrom_np(void* fileActions, int from);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawn_file_actions_addchdir_np(void* fileActions, byte* path);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawnattr_init(void* attr);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawnattr_destroy(void* attr);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawnattr_setflags(void* attr, short flags);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawnattr_setsigdefault(void* attr, void* signals);

    [LibraryImport("libc.so.6")]
    private static partial int posix_spawnattr_setsigmask(void* attr, void* signals);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int pipe2(int* fds, int flags);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial int fcntl(int fd, int command, int argument);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial nint read(int fd, byte* buffer, nuint count);

    [LibraryImport("libc.so.6", SetLastError = true)]
    private static partial nint write(int fd, byte* buffer, nuint count);

    [LibraryImport("libc.so.6")]
    private static partial int close(int fd);
}
