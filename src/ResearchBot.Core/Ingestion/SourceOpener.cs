using System.Runtime.InteropServices;
using Microsoft.Win32.SafeHandles;

namespace ResearchBot.Ingestion;

/// <summary>
/// Opens the stream of a source. A path given by the user is opened as it is (a named pipe or a process substitution is
/// read like a file); a file found in a folder is opened without blocking and refused unless it is a regular file, so a
/// named pipe or device inside a folder never blocks the walk.
/// </summary>
internal static class SourceOpener
{
    private const int BufferSize = 1 << 16;

    /// <summary>Opens <paramref name="path"/>; throws <see cref="NotARegularFileException"/> for a folder entry that is not a regular file.</summary>
    public static Stream Open(string path, bool mustBeRegularFile)
    {
        if (!mustBeRegularFile || !OperatingSystem.IsLinux())
        {
            return new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        }
        var handle = OpenWithoutBlocking(path);
        try
        {
            var stream = new FileStream(handle, FileAccess.Read, BufferSize);
            if (stream.CanSeek) return stream;
            stream.Dispose();
            throw new NotARegularFileException("a named pipe or device");
        }
        catch
        {
            handle.Dispose();
            throw;
        }
    }

    /// <summary>open(2) with O_NONBLOCK: opening a named pipe without a writer returns at once instead of waiting.</summary>
    private static SafeFileHandle OpenWithoutBlocking(string path)
    {
        const int readOnlyNonBlockingCloseOnExec = 0x800 | 0x80000; // O_RDONLY | O_NONBLOCK | O_CLOEXEC (Linux)
        const int noSuchDeviceOrAddress = 6; // ENXIO: a socket
        var fd = NativeOpen(path, readOnlyNonBlockingCloseOnExec);
        if (fd >= 0) return new SafeFileHandle(fd, ownsHandle: true);
        var errno = Marshal.GetLastPInvokeError();
        if (errno == noSuchDeviceOrAddress) throw new NotARegularFileException("a socket");
        throw new IOException(Marshal.GetPInvokeErrorMessage(errno));
    }

    [DllImport("libc", EntryPoint = "open", SetLastError = true)]
    private static extern int NativeOpen([MarshalAs(UnmanagedType.LPUTF8Str)] string path, int flags);
}

/// <summary>A folder entry that is not a regular file (a named pipe, socket or device); it is skipped, not read.</summary>
internal sealed class NotARegularFileException(string what) : Exception($"skipped: not a regular file ({what})");
