using System.Text;

namespace Kim.Core.Mail;

/// <summary>
/// Builds the plain-text and the HTML body of a mail side by side from the same blocks, so the two
/// never say different things. Every value is HTML-escaped in the HTML body.
/// </summary>
internal sealed class MailBody
{
    private const string Footer =
        "Diese E-Mail wurde automatisch von Kim (Kommunales Integrationsmanagement NRW) versandt. "
        + "Aus Gründen des Datenschutzes enthält sie keine Namen und keine Fallinhalte; "
        + "die Einzelheiten finden Sie in Kim.";

    private readonly StringBuilder _text = new();
    private readonly StringBuilder _html = new();

    public MailBody(string greeting)
    {
        Paragraph(greeting);
    }

    public MailBody Paragraph(string text)
    {
        _text.Append(text).Append("\n\n");
        _html.Append("<p>").Append(HtmlText.Escape(text)).Append("</p>\n");
        return this;
    }

    public MailBody Link(string label, Uri url)
    {
        _text.Append(label).Append(":\n").Append(url.AbsoluteUri).Append("\n\n");
        var href = HtmlText.Escape(url.AbsoluteUri);
        _html.Append("<p>").Append(HtmlText.Escape(label)).Append(":<br><a href=\"").Append(href).Append("\">")
            .Append(href).Append("</a></p>\n");
        return this;
    }

    public MailBody Section(string heading, IEnumerable<(string Text, Uri Link)> items)
    {
        _text.Append(heading).Append('\n');
        _html.Append("<h2>").Append(HtmlText.Escape(heading)).Append("</h2>\n<ul>\n");
        foreach (var (text, link) in items)
        {
            _text.Append("- ").Append(text).Append(": ").Append(link.AbsoluteUri).Append('\n');
            _html.Append("<li>").Append(HtmlText.Escape(text)).Append(": <a href=\"").Append(HtmlText.Escape(link.AbsoluteUri))
                .Append("\">").Append(HtmlText.Escape(link.AbsoluteUri)).Append("</a></li>\n");
        }

        _text.Append('\n');
        _html.Append("</ul>\n");
        return this;
    }

    public MailMessage ToMessage(MailAddress to, string subject)
    {
        var text = _text.ToString() + "--\n" + Footer + "\n";
        var html = "<!DOCTYPE html>\n<html lang=\"de\">\n<head><meta charset=\"utf-8\"><title>" + HtmlText.Escape(subject)
            + "</title></head>\n<body>\n" + _html + "<hr>\n<p><small>" + HtmlText.Escape(Footer) + "</small></p>\n</body>\n</html>\n";
        return new MailMessage(to, subject, text, html);
    }
}
