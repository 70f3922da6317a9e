using DMarketAspire.Trading.Fees;

namespace DMarketAspire.UnitTests.Trading;

/// <summary>The fee arithmetic a listing's floor rests on, to the cent.</summary>
public sealed class FeeBookTests
{
    public static TheoryData<decimal> Fractions() => [0.02m, 0.05m, 0.07m, 0.10m, 0.125m];

    [Theory]
    [MemberData(nameof(Fractions))]
    public void BreakEvenIsTheLowestPriceWhoseProceedsCoverTheCost(decimal fraction)
    {
        foreach (var cost in Enumerable.Range(1, 3000).Select(c => (long)c).Concat([99_999, 123_457, 10_000_000]))
        {
            var price = FeeBook.BreakEvenCents(cost, fraction);
            Assert.True(price - FeeBook.FeeCents(price, fraction) >= cost, $"cost {cost} at {fraction}: {price} does not cover it");
            Assert.True(price - 1 - FeeBook.FeeCents(price - 1, fraction) < cost, $"cost {cost} at {fraction}: {price - 1} would do");
        }
    }

    [Theory]
    [InlineData(1500, 0.10, 150)]
    [InlineData(1111, 0.10, 112)]
    [InlineData(5, 0.10, 1)]
    [InlineData(100_00, 0.02, 2_00)]
    public void TheFeeIsWhatTheSellerIsNotCreditedRoundedInDMarketsFavour(long price, double fraction, long fee) =>
        Assert.Equal(fee, FeeBook.FeeCents(price, (decimal)fraction));

    [Fact]
    public void TheQuotedBreakEvenOfTheTestsIsRight() => Assert.Equal(11_12, FeeBook.BreakEvenCents(10_00, 0.10m));
}
