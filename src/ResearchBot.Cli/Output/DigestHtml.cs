using System.Net;
using System.Text;
using ResearchBot.Digest;

namespace ResearchBot.Cli.Output;

/// <summary>
/// The <c>digest --format html</c> page: one standalone document with inline styles only (no scripts, no external
/// files), so it reads the same in a browser and in an email client.
/// </summary>
internal static class DigestHtml
{
    private const string Body = "margin:0;padding:24px;background:#f4f5f7;font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;color:#1f2328;line-height:1.5";
    private const string Card = "max-width:760px;margin:0 auto;background:#ffffff;border:1px solid #d0d7de;border-radius:8px;padding:24px 32px";
    private const string Muted = "color:#57606a;font-size:14px";
    private const string ThemeHeading = "font-size:19px;margin:28px 0 4px;padding-top:12px;border-top:1px solid #eaeef2;color:#0b4f8a";
    private const string Box = "background:#fff8e1;border:1px solid #f0d58c;border-radius:6px;padding:10px 14px;margin:16px 0;font-size:15px";

    public static string Write(DailyDigest digest)
    {
        var items = digest.Themes.SelectMany(t => t.Items).ToDictionary(i => i.N);
        var sb = new StringBuilder();
        sb.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
            .Append("<title>").Append(E(DigestText.Title(digest))).Append("</title>\n</head>\n")
            .Append("<body style=\"").Append(Body).Append("\">\n<div style=\"").Append(Card).Append("\">\n")
            .Append("<h1 style=\"font-size:26px;margin:0 0 4px\">").Append(E(DigestText.Title(digest))).Append("</h1>\n")
            .Append("<p style=\"").Append(Muted).Append(";margin:0\">").Append(E(DigestText.Summary(digest))).Append("</p>\n");
        if (digest.Interests.Count > 0)
            sb.Append("<p style=\"").Append(Muted).Append("\">Interests: ").Append(E(string.Join(", ", digest.Interests))).Append(" (★ marks matching papers)</p>\n");
        if (digest.Top.Count > 0)
        {
            sb.Append("<div style=\"").Append(Box).Append("\"><strong>Top of the ").Append(digest.IsSpan ? "span" : "day").Append("</strong><ol style=\"margin:6px 0 0;padding-left:22px\">");
            foreach (var n in digest.Top)
                sb.Append("<li>").Append(Link(items[n], DigestRenderer.Short(items[n].Title))).Append(" <span style=\"").Append(Muted).Append("\">[").Append(n).Append(']')
                    .Append(E(DigestText.Upvotes(items[n]))).Append("</span></li>");
            sb.Append("</ol></div>\n");
        }
        if (digest.PreviousPapers is { } before)
        {
            var summary = DigestRenderer.WhatChanged(new DigestPeriod(digest.From, digest.Date), before, []);
            sb.Append("<div style=\"").Append(Box).Append(";background:#eef6ff;border-color:#b6d4f2\"><strong>What changed</strong> ")
                .Append(E(summary["What changed".Length..].TrimStart(':', ' ').Replace(": no theme is new or grew.", "", StringComparison.Ordinal)));
            if (digest.Changes.Count > 0)
            {
                sb.Append("<ul style=\"margin:6px 0 0;padding-left:22px\">");
                foreach (var c in digest.Changes) sb.Append("<li>").Append(E(DigestRenderer.Change(c))).Append("</li>");
                sb.Append("</ul>");
            }
            else if (before > 0) sb.Append(": no theme is new or grew.");
            sb.Append("</div>\n");
        }
        foreach (var theme in digest.Themes)
        {
            sb.Append("<h2 style=\"").Append(ThemeHeading).Append("\">").Append(E(theme.Name)).Append("</h2>\n");
            if (theme.Intro.Length > 0) sb.Append("<p style=\"margin:0 0 10px;font-style:italic;color:#3d444d\">").Append(E(theme.Intro)).Append("</p>\n");
            sb.Append("<ul style=\"list-style:none;margin:0;padding:0\">\n");
            foreach (var item in theme.Items)
            {
                sb.Append("<li style=\"margin:0 0 12px\"><span style=\"color:#8250df;font-weight:600\">[").Append(item.N).Append("]</span> ");
                if (item.Interest) sb.Append("<span title=\"matches your interests\" style=\"color:#bf8700\">★</span> ");
                sb.Append("<strong>").Append(Link(item, item.Title)).Append("</strong>");
                if (item.Published is { } d) sb.Append(" <span style=\"").Append(Muted).Append("\">published ").Append(DigestText.Day(d)).Append("</span>");
                sb.Append("<br><span>").Append(E(item.OneLiner.ReplaceLineEndings(" "))).Append("</span></li>\n");
            }
            sb.Append("</ul>\n");
        }
        sb.Append("<p style=\"").Append(Muted).Append(";margin-top:28px\">Written by ResearchBot from the papers' own abstracts.</p>\n</div>\n</body>\n</html>\n");
        return sb.ToString();
    }

    private static string Link(DigestItem item, string text) =>
        item.Url is { } url ? $"<a href=\"{E(url)}\" style=\"color:#0969da;text-decoration:none\">{E(text)}</a>" : E(text);

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
