namespace Partage.Payroll.Tests;

/// <summary>
/// The payslip lines a reference figure covers: the line of that code, its tranches (_t1, _t2), and for the apprenticeship
/// tax its balance and the supplementary contribution, which the references (URSSAF's model, the hand-worked cases) give
/// as one figure while the payslip shows each part, declared apart.
/// </summary>
internal static class LineFamily
{
    public static bool Holds(string family, string code) =>
        code == family || code.StartsWith(family + "_t", StringComparison.Ordinal)
        || (family == "taxe_apprentissage" && code is "taxe_apprentissage_solde" or "taxe_apprentissage_supplementaire");
}
