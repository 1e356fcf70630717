namespace QgaKit.Freezing;

/// <summary>One freezable mount, as qemu-ga's <c>FsMount</c>: the decoded mount point, its type and device numbers.</summary>
public sealed record MountEntry(string MountPoint, string FsType, uint Major, uint Minor);
