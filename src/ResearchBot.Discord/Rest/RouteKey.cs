using System.Text.RegularExpressions;

namespace ResearchBot.Discord.Rest;

/// <summary>A route's rate-limit identity: its template (ids replaced) and its major parameter.</summary>
public sealed partial record RouteKey(string Method, string Template, string Major)
{
    /// <summary>The key for a request (its path after <c>/api/v{n}/</c>).</summary>
    public static RouteKey From(HttpRequestMessage request)
    {
        var path = request.RequestUri is null ? "" : request.RequestUri.IsAbsoluteUri ? request.RequestUri.AbsolutePath : request.RequestUri.OriginalString;
        var m = ApiPrefix().Match(path);
        if (m.Success) path = path[(m.Index + m.Length)..];
        path = path.Trim('/').Split('?')[0];
        return new RouteKey(request.Method.Method, TemplateOf(path), MajorOf(path));
    }

    /// <summary>The route with every id but the major parameter replaced, and tokens hidden, e.g. <c>channels/1/messages/{id}</c>.</summary>
    public static string TemplateOf(string path)
    {
        var parts = path.Trim('/').Split('/');
        var majorLength = MajorLength(parts);
        for (var i = majorLength; i < parts.Length; i++)
            if (parts[i].Length > 0 && (char.IsDigit(parts[i][0]) || parts[i].Length > 32)) parts[i] = "{id}";
        if (parts.Length > 2 && parts[0] == "interactions") parts[1] = parts[2] = "{id}";
        if (parts.Length > 2 && parts[0] == "webhooks") parts[2] = "{token}";
        return string.Join('/', parts);
    }

    private static string MajorOf(string path)
    {
        var parts = path.Split('/');
        return string.Join('/', parts.Take(MajorLength(parts)));
    }

    private static int MajorLength(string[] parts) => parts.Length switch
    {
        >= 3 when parts[0] == "webhooks" => 3,
        >= 2 when parts[0] is "channels" or "guilds" or "webhooks" => 2,
        _ => 0,
    };

    [GeneratedRegex(@"/api/v\d+/")]
    private static partial Regex ApiPrefix();
}
