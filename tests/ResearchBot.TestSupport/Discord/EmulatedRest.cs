using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace ResearchBot.TestSupport.Discord;

/// <summary>
/// The emulated REST v10 routes the bot uses. Every request is recorded; scripted responses (429s, rate-limit headers,
/// errors) apply to the next matching requests in order.
/// </summary>
public sealed class EmulatedRest
{
    private readonly List<(Func<RecordedRequest, bool> Match, ScriptedResponse Response)> _script = [];
    private readonly Lock _lock = new();
    private readonly Dictionary<string, EmulatedMessage> _messages = [];
    private readonly HashSet<string> _acknowledged = [];
    private readonly Dictionary<string, string> _componentMessages = [];
    private readonly Dictionary<string, int> _callbackTypes = [];
    private readonly Dictionary<string, int> _deferredFlags = [];
    private long _ids = 5_000;

    /// <summary>Every interaction callback accepted (the first answer to an interaction), in order.</summary>
    public SignalList<InteractionCallback> Callbacks { get; } = new();

    /// <summary>Every request, in the order they completed.</summary>
    public SignalList<RecordedRequest> Requests { get; } = new();

    /// <summary>Every message created, in order (edits applied).</summary>
    public SignalList<EmulatedMessage> Messages { get; } = new();

    /// <summary>Threads started on messages: (thread id, parent channel id, message id).</summary>
    public SignalList<(string Id, string ParentId, string MessageId)> Threads { get; } = new();

    internal string GatewayUrl { get; set; } = "";

    /// <summary>Answers the next request matching <paramref name="match"/> with <paramref name="response"/>.</summary>
    public void Script(Func<RecordedRequest, bool> match, ScriptedResponse response)
    {
        lock (_lock) _script.Add((match, response));
    }

    /// <summary>The message with <paramref name="id"/>, or null.</summary>
    public EmulatedMessage? Message(string id)
    {
        lock (_lock) return _messages.GetValueOrDefault(id);
    }

    /// <summary>Remembers which message a clicked button is on, so responses of type 6/7 update it.</summary>
    internal void RegisterComponentMessage(string token, string messageId)
    {
        lock (_lock) _componentMessages[token] = messageId;
    }

    /// <summary>Messages in a channel (or <c>interaction:{token}</c>), oldest first.</summary>
    public IReadOnlyList<EmulatedMessage> MessagesIn(string channelId) => Messages.Snapshot().Where(m => m.ChannelId == channelId).ToList();

    internal async Task HandleAsync(HttpContext context, string path)
    {
        string body;
        var files = new List<(string Name, string Text)>();
        if (context.Request.HasFormContentType)
        {
            var form = await context.Request.ReadFormAsync();
            body = form["payload_json"].ToString();
            foreach (var file in form.Files)
            {
                using var fileReader = new StreamReader(file.OpenReadStream());
                files.Add((file.FileName, await fileReader.ReadToEndAsync()));
            }
        }
        else
        {
            using var reader = new StreamReader(context.Request.Body);
            body = await reader.ReadToEndAsync();
        }
        var probe = new RecordedRequest(context.Request.Method, path, Header(context, "Authorization"), Header(context, "User-Agent"), body, 0) { Files = files };
        var scripted = Take(probe);
        foreach (var (name, value) in scripted?.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
        int status;
        string? responseBody;
        if (scripted?.Status is { } s)
            (status, responseBody) = (s, scripted.Body);
        else
            (status, responseBody) = Route(probe);
        Requests.Add(probe with { Status = status });
        context.Response.StatusCode = status;
        if (responseBody is not null)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync(responseBody);
        }
    }

    private ScriptedResponse? Take(RecordedRequest request)
    {
        lock (_lock)
        {
            var i = _script.FindIndex(s => s.Match(request));
            if (i < 0) return null;
            var response = _script[i].Response;
            _script.RemoveAt(i);
            return response;
        }
    }

    private (int Status, string? Body) Route(RecordedRequest r)
    {
        var p = r.Path.Split('/');
        return (r.Method, p) switch
        {
            ("GET", ["gateway", "bot"]) => Ok(new { url = GatewayUrl, shards = 1, session_start_limit = new { total = 1000, remaining = 999, reset_after = 0, max_concurrency = 1 } }),
            ("POST", ["channels", var c, "messages"]) => Ok(Create(c, r.Json, ReplyTo(r.Json), r.Files)),
            ("PATCH", ["channels", _, "messages", var m]) => Edit(m, r.Json),
            ("POST", ["channels", _, "typing"]) => (204, null),
            ("POST", ["channels", var c, "messages", var m, "threads"]) => Ok(Thread(c, m, r.Json.GetProperty("name").GetString())),
            ("PUT", ["applications", _, "commands"] or ["applications", _, "guilds", _, "commands"]) => (200, r.Body),
            ("POST", ["interactions", var id, var token, "callback"]) => Callback(id, token, r.Json),
            ("PATCH", ["webhooks", _, var token, "messages", "@original"]) => Original(token, r.Json, r.Files),
            ("POST", ["webhooks", _, var token]) => Ok(Create("interaction:" + token, r.Json, null, r.Files)),
            _ => (404, """{"message":"404: Not Found","code":0}"""),
        };
    }

    private object Create(string channelId, JsonElement body, string? replyTo, IReadOnlyList<(string, string)>? files = null)
    {
        var message = new EmulatedMessage(NextId(), channelId, replyTo);
        message.Apply(body, edit: false);
        message.Attach(files ?? []);
        lock (_lock) _messages[message.Id] = message;
        Messages.Add(message);
        return new { id = message.Id, channel_id = channelId, content = message.Content };
    }

    private object Thread(string parentId, string messageId, string? name)
    {
        var id = NextId();
        Threads.Add((id, parentId, messageId));
        return new { id, parent_id = parentId, name, type = 11 };
    }

    private (int, string?) Edit(string id, JsonElement body)
    {
        EmulatedMessage? message;
        lock (_lock) _messages.TryGetValue(id, out message);
        if (message is null) return (404, """{"message":"Unknown Message","code":10008}""");
        message.Apply(body, edit: true);
        Messages.Touch();
        return Ok(new { id, content = message.Content });
    }

    /// <summary>
    /// The first answer to an interaction: a second one fails with 40060 as on Discord. Type 4 creates the original response,
    /// 5 defers it (ephemeral when its flags say so), 6 defers an update and 7 updates the message the clicked button is on.
    /// </summary>
    private (int, string?) Callback(string interactionId, string token, JsonElement body)
    {
        var type = body.GetProperty("type").GetInt32();
        var data = body.TryGetProperty("data", out var d) ? d.Clone() : default;
        lock (_lock)
        {
            if (!_acknowledged.Add(interactionId)) return (400, """{"message":"Interaction has already been acknowledged.","code":40060}""");
            _callbackTypes[token] = type;
        }
        Callbacks.Add(new InteractionCallback(interactionId, token, type, data));
        switch (type)
        {
            case 4:
                Original(token, data, []);
                break;
            case 5 when data.ValueKind == JsonValueKind.Object && data.TryGetProperty("flags", out var f):
                lock (_lock) _deferredFlags[token] = f.GetInt32();
                break;
            case 7:
                string? target;
                lock (_lock) _componentMessages.TryGetValue(token, out target);
                if (target is null || Message(target) is not { } clicked) return (404, """{"message":"Unknown Message","code":10008}""");
                clicked.Apply(data, edit: true);
                Messages.Touch();
                break;
        }
        return (204, null);
    }

    private (int, string?) Original(string token, JsonElement body, IReadOnlyList<(string, string)> files)
    {
        var id = "original:" + token;
        lock (_lock)
        {
            if (_callbackTypes.GetValueOrDefault(token) == 6 && _componentMessages.TryGetValue(token, out var clicked)) id = clicked;
        }
        EmulatedMessage? message;
        lock (_lock) _messages.TryGetValue(id, out message);
        if (message is null)
        {
            message = new EmulatedMessage(id, "interaction:" + token, null);
            lock (_lock)
            {
                _messages[id] = message;
                message.Flags = _deferredFlags.GetValueOrDefault(token);
            }
            message.Apply(body, edit: false);
            message.Attach(files);
            Messages.Add(message);
        }
        else
        {
            message.Apply(body, edit: true);
            message.Attach(files);
            Messages.Touch();
        }
        return Ok(new { id, content = message.Content });
    }

    private string NextId() => Interlocked.Increment(ref _ids).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string? ReplyTo(JsonElement body) =>
        body.TryGetProperty("message_reference", out var r) && r.TryGetProperty("message_id", out var id) ? id.GetString() : null;

    private static (int, string?) Ok(object value) => (200, JsonSerializer.Serialize(value));

    private static string? Header(HttpContext context, string name) =>
        context.Request.Headers.TryGetValue(name, out var v) ? v.ToString() : null;
}

/// <summary>An interaction callback: its type (4 message, 5 deferred, 6 deferred update, 7 update, 8 autocomplete) and data.</summary>
public sealed record InteractionCallback(string InteractionId, string Token, int Type, JsonElement Data)
{
    /// <summary>True when the data carries the ephemeral flag (64).</summary>
    public bool IsEphemeral => Data.ValueKind == JsonValueKind.Object && Data.TryGetProperty("flags", out var f) && (f.GetInt32() & 64) != 0;

    /// <summary>For type 8: the choices' names and values.</summary>
    public IReadOnlyList<(string Name, string Value)> Choices => Type == 8
        ? Data.GetProperty("choices").EnumerateArray().Select(c => (c.GetProperty("name").GetString()!, c.GetProperty("value").GetString()!)).ToList()
        : [];
}
