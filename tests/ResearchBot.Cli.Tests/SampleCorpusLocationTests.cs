using ResearchBot.Ingestion;

namespace ResearchBot.Cli.Tests;

/// <summary>The sample corpus is found from anywhere: as given, from the current folder, above the executable, or built in.</summary>
public sealed class SampleCorpusLocationTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("rb-locate-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_relative_folder_is_found_in_a_parent_of_the_start_directory()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(_root, "corpus-" + Guid.NewGuid().ToString("N"), "pages")).FullName;
        File.WriteAllText(Path.Combine(corpus, "page.html"), "<html></html>");
        var deep = Directory.CreateDirectory(Path.Combine(_root, "bin", "Debug", "net10.0")).FullName;
        var relative = Path.GetRelativePath(_root, corpus);

        Assert.Equal(corpus, SampleCorpusLoader.Locate(relative, deep));
    }

    [Fact]
    public void An_empty_folder_on_the_way_up_is_passed_over_for_one_with_files()
    {
        var name = "corpus-" + Guid.NewGuid().ToString("N");
        var corpus = Directory.CreateDirectory(Path.Combine(_root, name)).FullName;
        File.WriteAllText(Path.Combine(corpus, "page.html"), "<html></html>");
        var deep = Directory.CreateDirectory(Path.Combine(_root, "bin", "Debug", "net10.0")).FullName;
        Directory.CreateDirectory(Path.Combine(deep, name)); // what a build leaves after removing the files it once copied

        Assert.Equal(corpus, SampleCorpusLoader.Locate(name, deep));
    }

    [Fact]
    public void An_absolute_folder_is_used_as_is_and_a_missing_one_is_null()
    {
        Assert.Equal(_root, SampleCorpusLoader.Locate(_root));
        Assert.Null(SampleCorpusLoader.Locate(Path.Combine(_root, "missing")));
        Assert.Null(SampleCorpusLoader.Locate("no-such-corpus-" + Guid.NewGuid().ToString("N"), _root));
    }

    [Fact]
    public void The_default_corpus_is_built_into_the_program_when_no_folder_has_it()
    {
        var found = SampleCorpusLoader.Locate("data/sample", _root);

        Assert.NotNull(found);
        Assert.StartsWith(Path.GetTempPath(), found);
        Assert.Equal(
            Directory.GetFiles(CliRunner.SampleFolder).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).Order(),
            Directory.GetFiles(found).Select(f => (Path.GetFileName(f), File.ReadAllText(f))).Order());
    }
}
