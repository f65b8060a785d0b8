namespace ResearchBot.Ingestion;

/// <summary>
/// The files under a folder, sorted by path, hidden names left out. Links to folders are never followed (so a link loop
/// cannot hang the walk) and are reported as skipped, as are broken links; links to files are read like files. Whether an
/// entry is a regular file (not a named pipe, socket or device) is checked when it is opened, see <see cref="SourceOpener"/>.
/// </summary>
internal static class FolderWalk
{
    public static IEnumerable<IngestTarget> Walk(string folder)
    {
        var pending = new Stack<string>();
        pending.Push(folder);
        var entries = new List<IngestTarget>();
        while (pending.Count > 0)
        {
            var current = pending.Pop();
            IEnumerable<FileSystemInfo> children;
            try
            {
                children = new DirectoryInfo(current).EnumerateFileSystemInfos().ToList();
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                entries.Add(new(current, IngestTargetKind.Skipped, "skipped: cannot list the folder: " + ex.Message));
                continue;
            }
            foreach (var child in children)
            {
                if (child.Name.StartsWith('.')) continue;
                var path = Path.Combine(current, child.Name);
                if (child.LinkTarget is not null) entries.Add(Link(child, path));
                else if (child is DirectoryInfo) pending.Push(path);
                else entries.Add(new(path, IngestTargetKind.FolderFile));
            }
        }
        return entries.OrderBy(e => e.Name, StringComparer.Ordinal);
    }

    private static IngestTarget Link(FileSystemInfo link, string path)
    {
        FileSystemInfo? target;
        try
        {
            target = link.ResolveLinkTarget(returnFinalTarget: true);
        }
        catch (IOException)
        {
            return new(path, IngestTargetKind.Skipped, "skipped: a symbolic link loop");
        }
        if (target is null || !target.Exists) return new(path, IngestTargetKind.Skipped, "skipped: a broken symbolic link");
        if (target is DirectoryInfo || Directory.Exists(target.FullName)) return new(path, IngestTargetKind.Skipped, "skipped: a symbolic link to a folder (not followed)");
        return new(path, IngestTargetKind.FolderFile);
    }
}
