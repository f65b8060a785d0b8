namespace ResearchBot.Ingestion;

/// <summary>Settings of the Hugging Face daily papers source (configuration section <c>Sources:HuggingFace</c>).</summary>
public sealed class HuggingFaceOptions : HttpSourceOptions
{
    public const string SectionName = "Sources:HuggingFace";

    public override Uri BaseUrl { get; set; } = new("https://huggingface.co");
}
