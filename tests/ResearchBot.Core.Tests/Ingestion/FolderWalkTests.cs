using Microsoft.Extensions.DependencyInjection;
using ResearchBot.Ingestion;
using ResearchBot.TestSupport.Files;

namespace ResearchBot.Tests.Ingestion;

public class FolderWalkTests
{
    private static readonly Uri Unused = new("http://127.0.0.1:9/");

    [Fact]
    public async Task Links_to_folders_loops_broken_links_and_named_pipes_are_skipped_with_a_warning()
    {
        using var folder = new TempFolder();
        var good = folder.Write("a-good.jsonl", FixtureFiles.Read("papers.jsonl"));
        var toParent = HostileFiles.MakeLinkToParent(folder.Path, "up");
        var (loopA, loopB) = HostileFiles.MakeLinkLoop(folder.Path, "loop-a", "loop-b");
        var fifo = HostileFiles.MakeFifo(Path.Combine(folder.Path, "pipe"));
        var broken = Path.Combine(folder.Path, "broken");
        File.CreateSymbolicLink(broken, "nowhere");
        var linkToFile = Path.Combine(folder.Path, "z-link.jsonl");
        File.CreateSymbolicLink(linkToFile, good);
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(Unused, store);

        var report = await services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest([folder.Path]));

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal(
            [
                new IngestFailure(broken, "skipped: a broken symbolic link"),
                new IngestFailure(loopA, "skipped: a symbolic link loop"),
                new IngestFailure(loopB, "skipped: a symbolic link loop"),
                new IngestFailure(toParent, "skipped: a symbolic link to a folder (not followed)"),
                new IngestFailure(fifo, "skipped: not a regular file (a named pipe or device)"),
            ],
            report.Warnings);
        Assert.Equal(6, report.Parsed); // the file, and the same file through the link to it
        Assert.Equal(3, store.Papers.Count);
    }

    [Fact]
    public async Task A_named_pipe_given_by_name_is_read_like_a_file()
    {
        using var folder = new TempFolder();
        var fifo = HostileFiles.MakeFifo(Path.Combine(folder.Path, "pipe"));
        var writing = HostileFiles.WriteToFifoAsync(fifo, File.ReadAllBytes(FixtureFiles.PathOf("seeds/001_d1560a3ab0b30d46.txt")));
        var store = new FakePaperStore();
        await using var services = IngestionTestServices.Build(Unused, store);

        // The wait only turns a hang (the pipe opened a second time, with no writer left) into a failure.
        var report = await services.GetRequiredService<IIngestionService>().IngestAsync(new IngestRequest([fifo])).WaitAsync(TimeSpan.FromMinutes(2));
        await writing;

        Assert.True(report.Succeeded, string.Join("; ", report.Failures));
        Assert.Equal(57, report.Parsed);
    }
}
