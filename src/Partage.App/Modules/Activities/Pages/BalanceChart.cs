using System.Globalization;
using Partage.App.Modules.Ledger;
using Partage.Kernel;

namespace Partage.App.Modules.Activities.Pages;

/// <summary>
/// The balance at each month's end as a bar chart drawn on the server in SVG: readable without JavaScript, printed as is,
/// and paired on the page with the table of the same figures for screen readers.
/// </summary>
public sealed class BalanceChart
{
    public const int Width = 720;
    public const int Height = 220;
    private const int Top = 12;
    private const int Bottom = 28;
    private const int Left = 8;

    public sealed record Bar(string Month, string Amount, double X, double Y, double Width, double Height, bool Negative);

    public IReadOnlyList<Bar> Bars { get; }

    /// <summary>The vertical position of zero.</summary>
    public double ZeroY { get; }

    public string Summary { get; }

    public BalanceChart(IReadOnlyList<MonthBalance> balances)
    {
        ArgumentNullException.ThrowIfNull(balances);
        var max = Math.Max(0, balances.Count == 0 ? 0 : balances.Max(b => b.Balance.Cents));
        var min = Math.Min(0, balances.Count == 0 ? 0 : balances.Min(b => b.Balance.Cents));
        var span = Math.Max(1, max - min);
        var plot = Height - Top - Bottom;
        ZeroY = Top + (double)max / span * plot;
        var slot = (double)(Width - Left) / Math.Max(1, balances.Count);
        Bars = balances.Select((b, i) =>
        {
            var h = Math.Abs((double)b.Balance.Cents) / span * plot;
            var negative = b.Balance.Cents < 0;
            return new Bar(b.Month.ToString("MMM yy", French.Culture), b.Balance.ToDisplayString(), Left + i * slot + slot * 0.15, negative ? ZeroY : ZeroY - h, slot * 0.7, h, negative);
        }).ToList();
        Summary = balances.Count == 0 ? "Aucun mois"
            : $"Solde en fin de mois, de {French.Month(balances[0].Month)} ({balances[0].Balance.ToDisplayString()}) à {French.Month(balances[^1].Month)} ({balances[^1].Balance.ToDisplayString()})";
    }

    public static string Number(double value) => value.ToString("0.#", CultureInfo.InvariantCulture);
}
