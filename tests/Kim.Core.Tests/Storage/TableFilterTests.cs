using Kim.Core.Storage;

namespace Kim.Core.Tests.Storage;

public sealed class TableFilterTests
{
    [Fact]
    public void A_value_containing_quote_or_true_or_quote_stays_a_single_string_literal()
    {
        var hostile = "' or true or '";
        Assert.Equal("Name eq ''' or true or '''", TableFilter.Create($"Name eq {hostile}"));
    }

    [Fact]
    public void Each_type_becomes_its_odata_literal()
    {
        var when = new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(1));
        var id = Guid.Parse("c9da6455-213d-42c9-9a79-3e9149a57833");
        var filter = TableFilter.Create(
            $"S eq {"o'neil"} and I eq {42} and L eq {5L} and D eq {2.0} and B eq {true} and T lt {when} and G eq {id} and X eq {new byte[] { 0xAB, 0x01 }}");
        Assert.Equal(
            "S eq 'o''neil' and I eq 42 and L eq 5L and D eq 2.0 and B eq true and T lt datetime'2026-01-02T02:04:05.0000000Z' " +
            "and G eq guid'c9da6455-213d-42c9-9a79-3e9149a57833' and X eq X'ab01'",
            filter);
    }

    [Fact]
    public void Literal_text_of_the_format_is_kept_and_only_holes_are_escaped()
    {
        var pk = "a";
        Assert.Equal("PartitionKey eq 'a' and RowKey ge ''", TableFilter.Create($"PartitionKey eq {pk} and RowKey ge {""}"));
    }

    [Fact]
    public void A_type_with_no_literal_is_refused_rather_than_formatted()
    {
        var value = new Uri("https://example.org");
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"U eq {value}"));
    }

    [Fact]
    public void Non_finite_doubles_are_refused()
    {
        Assert.Throws<ArgumentException>(() => TableFilter.Create($"D eq {double.NaN}"));
    }
}
