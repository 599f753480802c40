using Kim.Core.Mail;

namespace Kim.Core.Tests.Mail;

public sealed class GermanFormatTests
{
    [Theory]
    [InlineData(0, "0 Einträge", "liegen")]
    [InlineData(1, "1 Eintrag", "liegt")]
    [InlineData(2, "2 Einträge", "liegen")]
    [InlineData(21, "21 Einträge", "liegen")]
    public void A_count_and_its_verb_agree_singular_only_for_exactly_one(int count, string noun, string verb)
    {
        Assert.Equal(noun, GermanFormat.Count(count, "Eintrag", "Einträge"));
        Assert.Equal(verb, GermanFormat.Agree(count, "liegt", "liegen"));
    }
}
