using Kim.Core.Storage;

namespace Kim.Core.Tests.Storage;

public sealed class StorageErrorParserTests
{
    [Fact]
    public void A_json_odata_error_gives_code_and_message()
    {
        var (code, message) = StorageErrorParser.Parse(
            "{\"odata.error\":{\"code\":\"ResourceNotFound\",\"message\":{\"lang\":\"en-US\",\"value\":\"The specified resource does not exist.\"}}}");
        Assert.Equal("ResourceNotFound", code);
        Assert.Equal("The specified resource does not exist.", message);
    }

    [Fact]
    public void An_xml_error_gives_code_and_message()
    {
        var (code, message) = StorageErrorParser.Parse(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>AuthorizationFailure</Code><Message>Server failed to authenticate the request.</Message></Error>");
        Assert.Equal("AuthorizationFailure", code);
        Assert.Equal("Server failed to authenticate the request.", message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("not an error")]
    [InlineData("{ broken")]
    [InlineData("<Other/>")]
    public void Anything_else_gives_nothing(string body) => Assert.Equal((null, null), StorageErrorParser.Parse(body));
}
