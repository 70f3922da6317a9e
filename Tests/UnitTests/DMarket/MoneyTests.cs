using System.Text.Json;
using System.Text.Json.Serialization;
using DMarketAspire.DMarket.Client;
using DMarketAspire.DMarket.Client.Json;

namespace DMarketAspire.UnitTests.DMarket;

public sealed class MoneyTests
{
    private sealed record CentsHolder([property: JsonConverter(typeof(CentsStringConverter))] long Price);

    private sealed record DollarsHolder([property: JsonConverter(typeof(DollarsConverter))] long Amount);

    private sealed record DollarStringHolder([property: JsonConverter(typeof(DollarStringConverter))] long Price);

    [Theory]
    [InlineData("12.5", 1250)]
    [InlineData("10.50", 1050)]
    [InlineData("0.01", 1)]
    [InlineData("0.005", 1)]
    [InlineData("0.30000000000000004", 30)]
    [InlineData("1999.99", 199999)]
    public void DollarsBecomeExactCents(string dollars, long cents) =>
        Assert.Equal(cents, Money.FromDollars(decimal.Parse(dollars, System.Globalization.CultureInfo.InvariantCulture)));

    [Theory]
    [InlineData(1050, "10.5")]
    [InlineData(1200, "12")]
    [InlineData(5, "0.05")]
    [InlineData(1, "0.01")]
    [InlineData(199999, "1999.99")]
    public void CentsBecomeDMarketsDollarNumbers(long cents, string text) => Assert.Equal(text, Money.DollarNumberText(cents));

    [Theory]
    [InlineData(1234, "12.34")]
    [InlineData(1250, "12.50")]
    [InlineData(7, "0.07")]
    public void CentsBecomeTwoDecimalDollarStrings(long cents, string text) => Assert.Equal(text, Money.DollarString(cents));

    [Theory]
    [InlineData("""{"Price":"1250"}""")]
    [InlineData("""{"Price":1250}""")]
    public void CentsStringsAndNumbersReadAlike(string json) =>
        Assert.Equal(1250, JsonSerializer.Deserialize<CentsHolder>(json)!.Price);

    [Fact]
    public void EachFamilyWritesItsOwnUnit()
    {
        Assert.Equal("""{"Price":"1250"}""", JsonSerializer.Serialize(new CentsHolder(1250)));
        Assert.Equal("""{"Amount":12.5}""", JsonSerializer.Serialize(new DollarsHolder(1250)));
        Assert.Equal("""{"Price":"12.50"}""", JsonSerializer.Serialize(new DollarStringHolder(1250)));
    }

    [Theory]
    [InlineData("""{"Amount":12.5}""")]
    [InlineData("""{"Amount":"12.50"}""")]
    public void DollarsReadFromNumbersAndStrings(string json) =>
        Assert.Equal(1250, JsonSerializer.Deserialize<DollarsHolder>(json)!.Amount);

    [Fact]
    public void ACentsFieldWithAFractionIsRejected() =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<CentsHolder>("""{"Price":"12.5"}"""));
}
