
namespace Partage.App.Modules.Payroll;

/// <summary>The bodies contributions are paid to (the period summary, the payroll entry's 431/437 split).</summary>
public static class ContributionBodies
{
    public const string Urssaf = "URSSAF";
    public const string FranceTravail = "France Travail (annexes 8 et 10)";
    public const string Pension = "Retraite et prévoyance (Agirc-Arrco, Audiens)";
    public const string HolidayFund = "Congés Spectacles";
    public const string Afdas = "Afdas";
    public const string Health = "Santé au travail (CMB)";
    public const string Other = "Autres (Action Logement, fonds de branche)";

    public static string Of(string code, bool intermittent) => code switch
    {
        "chomage" or "chomage_intermittents" or "ags" when intermittent => FranceTravail,
        "retraite_complementaire_t1" or "retraite_complementaire_t2" or "ceg_t1" or "ceg_t2" or "cet" or "apec" or "prevoyance_cadre" or "prevoyance_intermittents" => Pension,
        "conges_spectacles" => HolidayFund,
        "afdas" => Afdas,
        "cmb" => Health,
        "peec" or "fnas" or "fcap" => Other,
        _ => Urssaf,
    };
}

/// <summary>
/// Payslips: computed by the engine at the end of each countersigned job, validated by payroll
/// staff (or automatically under their rule), which posts the payroll entry (641/645 by activity
/// against 421, 431, 437, 4421) and releases the commitment; members download theirs as PDF.
/// </summary>
