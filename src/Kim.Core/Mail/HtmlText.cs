using System.Text;

namespace Kim.Core.Mail;

/// <summary>HTML escaping for text and attribute values in mail.</summary>
internal static class HtmlText
{
    public static string Escape(string value)
    {
        var html = new StringBuilder(value.Length + 16);
        foreach (var c in value)
        {
            html.Append(c switch
            {
                '&' => "&amp;",
                '<' => "&lt;",
                '>' => "&gt;",
                '"' => "&quot;",
                '\'' => "&#39;",
                _ => c.ToString(),
            });
        }

        return html.ToString();
    }
}
