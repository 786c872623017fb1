namespace Partage.Kernel;

/// <summary>
/// The one place where an amount in euros becomes a whole number of cents. French law and
/// EN 16931 round half away from zero (0.005 → 0.01, −0.005 → −0.01); banker's rounding would
/// drift by a cent on ties.
/// </summary>
public static class Rounding
{
    public static long ToCents(decimal euros) =>
        (long)decimal.Round(euros * 100m, 0, MidpointRounding.AwayFromZero);

    /// <summary>Rounds a quantity or rate to a given number of decimals, half away from zero.</summary>
    public static decimal ToDecimals(decimal value, int decimals) =>
        decimal.Round(value, decimals, MidpointRounding.AwayFromZero);
}
