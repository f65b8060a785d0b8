using System.Diagnostics;

namespace ResearchBot.TestSupport.Files;

/// <summary>Folder entries that are not plain files, made for tests: named pipes and symbolic links (loops, to folders, broken).</summary>
public static class HostileFiles
{
    /// <summary>Makes a named pipe (FIFO) at <paramref name="path"/> with <c>mkfifo</c>.</summary>
    public static string MakeFifo(string path)
    {
        using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { UseShellExecute = false })
            ?? throw new InvalidOperationException("mkfifo did not start");
        mkfifo.WaitForExit();
        if (mkfifo.ExitCode != 0) throw new InvalidOperationException($"mkfifo {path} failed with exit code {mkfifo.ExitCode}");
        return path;
    }

    /// <summary>Two links that point at each other: <c>a → b → a</c>.</summary>
    public static (string A, string B) MakeLinkLoop(string folder, string a, string b)
    {
        var pathA = Path.Combine(folder, a);
        var pathB = Path.Combine(folder, b);
        File.CreateSymbolicLink(pathA, b);
        File.CreateSymbolicLink(pathB, a);
        return (pathA, pathB);
    }

    /// <summary>A link inside <paramref name="folder"/> to the folder itself (a walk that follows it never ends).</summary>
    public static string MakeLinkToParent(string folder, string name)
    {
        var sub = Directory.CreateDirectory(Path.Combine(folder, "nested")).FullName;
        var link = Path.Combine(sub, name);
        Directory.CreateSymbolicLink(link, "..");
        return link;
    }

    /// <summary>Writes <paramref name="content"/> into the named pipe at <paramref name="path"/> once a reader opens it.</summary>
    public static Task WriteToFifoAsync(string path, byte[] content) => Task.Run(async () =>
    {
        await using var writer = new FileStream(path, FileMode.Open, FileAccess.Write);
        await writer.WriteAsync(content);
    });
}
