namespace Partage.App.Modules.Employers;

/// <summary>
/// The APE codes (INSEE's NAF rév. 2, décret n° 2007-1888 du 26 décembre 2007) whose main activity is the sector an employer
/// declares: the activity INSEE records, not the one the employer states, decides whether it may hire under annexes 8 and
/// 10. Live performance is division 90's 90.01Z (arts du spectacle vivant), 90.02Z (activités de soutien au spectacle
/// vivant) and 90.04Z (gestion de salles de spectacles); cinema and audiovisual group 59.1 (59.11A to 59.14Z) and
/// division 60 (60.10Z radio, 60.20A and 60.20B television); recording 59.20Z (enregistrement sonore et édition musicale).
/// INSEE's NAF 2025 replaces these codes for new records from 2027: the lists then grow with the new codes.
/// </summary>
public static class SectorActivityCodes
{
    private static readonly Dictionary<EmployerSector, string[]> Codes = new()
    {
        [EmployerSector.LivePerformance] = ["9001Z", "9002Z", "9004Z"],
        [EmployerSector.Audiovisual] = ["5911A", "5911B", "5911C", "5912Z", "5913A", "5913B", "5914Z", "6010Z", "6020A", "6020B"],
        [EmployerSector.Recording] = ["5920Z"],
    };

    /// <summary>The codes of a sector (none for "other", which hires no intermittent whatever its code).</summary>
    public static IReadOnlyList<string> Of(EmployerSector sector) => Codes.GetValueOrDefault(sector) ?? [];

    public static bool Fits(EmployerSector sector, string ape) => Of(sector).Contains(ape?.Trim().ToUpperInvariant());
}
