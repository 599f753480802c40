using System.Text;
using System.Text.Json;
using Azure;
using Kim.Core.Storage;

namespace Kim.Core.Tests.Storage;

public sealed class TableEntityJsonTests
{
    [Fact]
    public void Types_json_cannot_carry_exactly_are_strings_with_odata_type_annotations()
    {
        var entity = new TableEntity("p", "r")
        {
            { "S", "x" }, { "I", 1 }, { "L", 1234567890123L }, { "D", 1.5 }, { "B", false },
            { "T", new DateTimeOffset(2026, 1, 2, 3, 4, 5, TimeSpan.FromHours(2)) },
            { "G", Guid.Parse("c9da6455-213d-42c9-9a79-3e9149a57833") }, { "X", new byte[] { 1, 2, 3 } },
        };

        var json = Encoding.UTF8.GetString(TableEntityJson.Serialize(entity));

        Assert.Equal(
            "{\"PartitionKey\":\"p\",\"RowKey\":\"r\",\"S\":\"x\",\"I\":1," +
            "\"L\":\"1234567890123\",\"L@odata.type\":\"Edm.Int64\"," +
            "\"D\":1.5,\"D@odata.type\":\"Edm.Double\",\"B\":false," +
            "\"T\":\"2026-01-02T01:04:05.0000000Z\",\"T@odata.type\":\"Edm.DateTime\"," +
            "\"G\":\"c9da6455-213d-42c9-9a79-3e9149a57833\",\"G@odata.type\":\"Edm.Guid\"," +
            "\"X\":\"AQID\",\"X@odata.type\":\"Edm.Binary\"}",
            json);
    }

    [Fact]
    public void Reading_minimal_metadata_gives_back_the_clr_types_and_system_properties()
    {
        const string json = """
            {"odata.etag":"W/\"datetime'2026-01-02T01%3A04%3A05.1234567Z'\"","PartitionKey":"p","RowKey":"r",
             "Timestamp@odata.type":"Edm.DateTime","Timestamp":"2026-01-02T01:04:05.1234567Z",
             "S":"x","I":7,"L@odata.type":"Edm.Int64","L":"9007199254740993","D@odata.type":"Edm.Double","D":2,
             "B":true,"T@odata.type":"Edm.DateTime","T":"2026-01-02T01:04:05Z","G@odata.type":"Edm.Guid",
             "G":"c9da6455-213d-42c9-9a79-3e9149a57833","X@odata.type":"Edm.Binary","X":"AQID","N":"NaN","U":2.5}
            """;
        using var doc = JsonDocument.Parse(json);

        var e = TableEntityJson.Read(doc.RootElement);

        Assert.Equal(("p", "r"), (e.PartitionKey, e.RowKey));
        Assert.Equal(new ETag("W/\"datetime'2026-01-02T01%3A04%3A05.1234567Z'\""), e.ETag);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 1, 4, 5, TimeSpan.Zero).AddTicks(1234567), e.Timestamp);
        Assert.Equal("x", e["S"]);
        Assert.Equal(7, e["I"]);
        Assert.Equal(9007199254740993L, e["L"]);
        Assert.Equal(2.0, Assert.IsType<double>(e["D"]));
        Assert.Equal(true, e["B"]);
        Assert.Equal(new DateTimeOffset(2026, 1, 2, 1, 4, 5, TimeSpan.Zero), e["T"]);
        Assert.Equal(Guid.Parse("c9da6455-213d-42c9-9a79-3e9149a57833"), e["G"]);
        Assert.Equal(new byte[] { 1, 2, 3 }, e["X"]);
        Assert.Equal("NaN", e["N"]); // unannotated: a plain string
        Assert.Equal(2.5, e["U"]);
        Assert.False(e.ContainsKey("Timestamp"));
    }

    [Fact]
    public void Typed_getters_widen_int32_and_refuse_other_types()
    {
        var e = new TableEntity("p", "r") { { "I", 3 }, { "S", "x" } };
        Assert.Equal(3L, e.GetInt64("I"));
        Assert.Equal(3.0, e.GetDouble("I"));
        Assert.Null(e.GetString("missing"));
        Assert.Throws<InvalidOperationException>(() => e.GetInt32("S"));
    }

    [Fact]
    public void Unsupported_property_types_and_system_names_are_refused()
    {
        var e = new TableEntity("p", "r");
        Assert.Throws<ArgumentException>(() => e.Add("U", new Uri("https://x")));
        Assert.Throws<ArgumentException>(() => e.Add("PartitionKey", "x"));
    }
}
