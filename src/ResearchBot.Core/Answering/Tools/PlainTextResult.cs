using System.Text.Json;
using Microsoft.Extensions.AI;

namespace ResearchBot.Answering.Tools;

/// <summary>
/// Returns a tool's text result as plain text. Semantic Kernel functions hand back their result JSON-serialized, so
/// a string arrives at the model as one quoted JSON string with literal <c>\n</c> and the data delimiters are no
/// longer on their own lines; this unwraps it.
/// </summary>
internal sealed class PlainTextResult(AIFunction inner) : DelegatingAIFunction(inner)
{
    protected override async ValueTask<object?> InvokeCoreAsync(AIFunctionArguments arguments, CancellationToken cancellationToken)
    {
        var result = await base.InvokeCoreAsync(arguments, cancellationToken);
        return result switch
        {
            JsonElement { ValueKind: JsonValueKind.String } s => s.GetString(),
            JsonElement { ValueKind: JsonValueKind.Null or JsonValueKind.Undefined } => "",
            _ => result,
        };
    }
}
