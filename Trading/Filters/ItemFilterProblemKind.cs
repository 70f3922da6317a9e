namespace DMarketAspire.Trading.Filters;

public enum ItemFilterProblemKind
{
    /// <summary>Not one of the vocabulary's values; <see cref="ItemFilterProblem.Valid"/> lists them.</summary>
    UnknownValue,

    /// <summary>Not a number where one was expected.</summary>
    NotANumber,

    /// <summary>A float range reversed, empty or outside 0–1, or a trade lock outside its days.</summary>
    BadRange,
}
