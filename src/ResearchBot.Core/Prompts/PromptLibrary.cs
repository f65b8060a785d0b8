using System.Text.Json;
using Microsoft.SemanticKernel;

namespace ResearchBot.Prompts;

/// <summary>
/// The prompts, loaded once at start from Semantic Kernel's directory format (<c>&lt;Name&gt;/skprompt.txt</c> + <c>config.json</c>),
/// so editing a prompt needs no rebuild. Loading fails with a message naming the broken file.
/// </summary>
public sealed class PromptLibrary
{
    private readonly Dictionary<string, PromptTemplateConfig> _prompts;
    private readonly Dictionary<string, IPromptTemplate> _templates;

    private PromptLibrary(string directory, Dictionary<string, PromptTemplateConfig> prompts, Dictionary<string, IPromptTemplate> templates)
    {
        Directory = directory;
        _prompts = prompts;
        _templates = templates;
    }

    /// <summary>Where the prompts were read from.</summary>
    public string Directory { get; }

    /// <summary>The names of every loaded prompt.</summary>
    public IReadOnlyCollection<string> Names => _prompts.Keys;

    /// <summary>The configuration of a prompt (description, input variables, execution settings).</summary>
    public PromptTemplateConfig Get(string name) =>
        _prompts.TryGetValue(name, out var config) ? config : throw new PromptLoadException($"Prompt '{name}' is not loaded from '{Directory}'.");

    /// <summary>The parsed template of a prompt.</summary>
    public IPromptTemplate Template(string name) =>
        _templates.TryGetValue(name, out var t) ? t : throw new PromptLoadException($"Prompt '{name}' is not loaded from '{Directory}'.");

    /// <summary>Loads every prompt under <paramref name="directory"/> and checks that <paramref name="required"/> are there.</summary>
    public static PromptLibrary Load(string directory, IEnumerable<string>? required = null)
    {
        if (!System.IO.Directory.Exists(directory))
            throw new PromptLoadException($"Prompt directory '{directory}' does not exist.");
        var prompts = new Dictionary<string, PromptTemplateConfig>(StringComparer.Ordinal);
        var templates = new Dictionary<string, IPromptTemplate>(StringComparer.Ordinal);
        var factory = new KernelPromptTemplateFactory();
        foreach (var dir in System.IO.Directory.GetDirectories(directory).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var config = LoadOne(dir, name);
            prompts[name] = config;
            try
            {
                templates[name] = factory.Create(config);
            }
            catch (Exception e) when (e is KernelException or ArgumentException)
            {
                throw new PromptLoadException($"Prompt template '{Path.Combine(dir, "skprompt.txt")}' is broken: {e.Message}", e);
            }
        }
        foreach (var name in required ?? PromptNames.Required)
        {
            if (!prompts.ContainsKey(name))
                throw new PromptLoadException($"Prompt '{name}' is missing: expected '{Path.Combine(directory, name, "skprompt.txt")}' and config.json.");
        }
        return new PromptLibrary(directory, prompts, templates);
    }

    private static PromptTemplateConfig LoadOne(string dir, string name)
    {
        var promptFile = Path.Combine(dir, "skprompt.txt");
        var configFile = Path.Combine(dir, "config.json");
        if (!File.Exists(promptFile)) throw new PromptLoadException($"Prompt '{name}' is missing its template file '{promptFile}'.");
        if (!File.Exists(configFile)) throw new PromptLoadException($"Prompt '{name}' is missing its configuration file '{configFile}'.");
        var text = File.ReadAllText(promptFile);
        if (string.IsNullOrWhiteSpace(text)) throw new PromptLoadException($"Prompt template '{promptFile}' is empty.");
        PromptTemplateConfig config;
        try
        {
            config = PromptTemplateConfig.FromJson(File.ReadAllText(configFile));
        }
        catch (Exception e) when (e is JsonException or ArgumentException or NotSupportedException or InvalidOperationException)
        {
            throw new PromptLoadException($"Prompt configuration '{configFile}' is not valid: {FirstLine(e.Message)}", e);
        }
        config.Name ??= name;
        config.Template = text;
        CheckTemplate(promptFile, text, config);
        CheckMessageBlocks(promptFile, text);
        return config;
    }

    /// <summary>Semantic Kernel reads an unclosed <c>{{</c> as plain text; here it is an error, as is a variable the config does not declare.</summary>
    private static void CheckTemplate(string promptFile, string text, PromptTemplateConfig config)
    {
        var open = Occurrences(text, "{{");
        var close = Occurrences(text, "}}");
        if (open != close)
            throw new PromptLoadException($"Prompt template '{promptFile}' is broken: {open} '{{{{' but {close} '}}}}'.");
        var declared = config.InputVariables.Select(v => v.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        foreach (System.Text.RegularExpressions.Match m in System.Text.RegularExpressions.Regex.Matches(text, @"\{\{\s*\$(\w+)"))
        {
            if (declared.Count > 0 && !declared.Contains(m.Groups[1].Value))
                throw new PromptLoadException($"Prompt template '{promptFile}' uses ${m.Groups[1].Value}, which its config.json does not declare in input_variables.");
        }
    }

    /// <summary>
    /// Semantic Kernel reads the <c>&lt;message&gt;</c> blocks of a chat prompt as XML and sends a prompt it cannot read as one
    /// user message holding the raw tags; here that is an error naming the file.
    /// </summary>
    private static void CheckMessageBlocks(string promptFile, string text)
    {
        if (!text.Contains("<message", StringComparison.OrdinalIgnoreCase)) return;
        try
        {
            new System.Xml.XmlDocument().LoadXml("<root>" + text + "</root>");
        }
        catch (System.Xml.XmlException e)
        {
            throw new PromptLoadException($"Prompt template '{promptFile}' is not well-formed: {FirstLine(e.Message)} (its <message> blocks are read as XML: write a literal '<' as &lt; and '&' as &amp;).", e);
        }
    }

    private static int Occurrences(string text, string part) => (text.Length - text.Replace(part, "", StringComparison.Ordinal).Length) / part.Length;

    private static string FirstLine(string s) => s.Split('\n', 2)[0].Trim();
}
