using System.Text;
using System.Text.Json;
using Kim.Core.Input;

namespace Kim.Core.Tests.Input;

public sealed class CanonicalJsonTests
{
    [Theory]
    [InlineData("""{"municipality":"luedenscheid","municipality":"iserlohn"}""", "municipality")]
    [InlineData("""{"client":{"givenName":"A","familyName":"B","givenName":"C"}}""", "client.givenName")]
    [InlineData("""{"decision":"rejected","reason":"x","Decision":"accepted"}""", "Decision")]
    [InlineData("""{"goals":[{"text":"a"},{"text":"b","text":"c"}]}""", "goals[1].text")]
    [InlineData("""{"a":{"b":[[{"c":1}],{"d":{"e":1,"e":2}}]}}""", "a.b[1].d.e")]
    [InlineData("""{"consentToCaseProcessing":false,"consentToCaseProcessing":true}""", "consentToCaseProcessing")]
    [InlineData("""{"unknownMember":1,"unknownMember":2}""", "unknownMember")]
    public void A_member_sent_twice_is_refused_naming_its_path(string json, string path)
    {
        var result = CanonicalJson.Canonicalise(Encoding.UTF8.GetBytes(json));

        Assert.False(result.IsValid);
        Assert.Equal(JsonFault.DuplicateMember, result.Fault);
        Assert.Equal(path, result.Path);
    }

    [Fact]
    public void Member_names_that_are_the_same_in_NFC_are_the_same_member()
    {
        var result = CanonicalJson.Canonicalise(Encoding.UTF8.GetBytes("{\"M\u00fcller\":1,\"Mu\u0308ller\":2}"));

        Assert.Equal(JsonFault.DuplicateMember, result.Fault);
    }

    [Fact]
    public void The_same_name_in_sibling_objects_is_not_a_duplicate()
    {
        var result = CanonicalJson.Canonicalise("""{"a":{"x":1},"b":{"x":2},"c":[{"x":1},{"x":2}]}"""u8);

        Assert.True(result.IsValid);
    }

    [Theory]
    [InlineData("""{"givenName":"\ud800"}""", "givenName")]
    [InlineData("""{"needs":{"text":"ok \udc00 not ok"}}""", "needs.text")]
    [InlineData("""{"languages":["ar","\ud83d"]}""", "languages[1]")]
    [InlineData("""{"\ud800":1}""", "$")]
    public void Text_that_is_not_valid_Unicode_is_refused(string json, string path)
    {
        var result = CanonicalJson.Canonicalise(Encoding.UTF8.GetBytes(json));

        Assert.Equal(JsonFault.InvalidUnicode, result.Fault);
        Assert.Equal(path, result.Path);
    }

    [Fact]
    public void Bytes_that_are_not_UTF_8_are_refused()
    {
        byte[] json = [.. "{\"a\":\""u8, 0xC3, 0x28, .. "\"}"u8];

        Assert.Equal(JsonFault.InvalidUnicode, CanonicalJson.Canonicalise(json).Fault);
    }

    [Theory]
    [InlineData("""{"a":1""")]
    [InlineData("""{"a":1,}""")]
    [InlineData("""{"a":1} {"b":2}""")]
    [InlineData("""// comment""")]
    public void Malformed_JSON_is_refused(string json) =>
        Assert.Equal(JsonFault.Malformed, CanonicalJson.Canonicalise(Encoding.UTF8.GetBytes(json)).Fault);

    [Fact]
    public void Nesting_deeper_than_the_limit_is_refused()
    {
        var json = new string('[', CanonicalJson.MaxDepth + 1) + new string(']', CanonicalJson.MaxDepth + 1);

        Assert.Equal(JsonFault.Malformed, CanonicalJson.Canonicalise(Encoding.UTF8.GetBytes(json)).Fault);
    }

    [Fact]
    public void Every_string_and_name_comes_out_in_NFC_and_everything_else_as_sent()
    {
        var input = "{\"familyName\":\"Mu\u0308ller\",\"la\u0308nder\":[\"A\u030a\",1.50,-2e3,true,false,null],\"n\":{}}";

        var result = CanonicalJson.Canonicalise(Encoding.UTF8.GetBytes(input));

        Assert.True(result.IsValid);
        using var document = JsonDocument.Parse(result.Json);
        var root = document.RootElement;
        Assert.Equal("M\u00fcller", root.GetProperty("familyName").GetString());
        var list = root.GetProperty("l\u00e4nder");
        Assert.Equal("\u00c5", list[0].GetString());
        Assert.Equal("1.50", list[1].GetRawText());
        Assert.Equal("-2e3", list[2].GetRawText());
        Assert.Equal(["True", "False", "Null"], list.EnumerateArray().Skip(3).Select(e => e.ValueKind.ToString()));
        Assert.Equal(JsonValueKind.Object, root.GetProperty("n").ValueKind);
    }

    [Fact]
    public void Text_already_in_NFC_is_kept_as_it_is()
    {
        var text = "Amina Haddad, \u0623\u0645\u064a\u0646\u0629, \u00c5ngstr\u00f6m";

        Assert.Same(text, UnicodeText.Nfc(text));
        Assert.Equal("\u00c5", UnicodeText.Nfc("A\u030a"));
        Assert.Null(UnicodeText.NfcOrNull(null));
    }
}
