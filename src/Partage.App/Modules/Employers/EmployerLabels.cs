
namespace Partage.App.Modules.Employers;

public static class Labels
{
    public static string LegalForm(EmployerLegalForm form) => form switch
    {
        EmployerLegalForm.Association => "association",
        EmployerLegalForm.Sarl => "SARL",
        EmployerLegalForm.Sas => "SAS",
        EmployerLegalForm.Scic => "SCIC",
        EmployerLegalForm.Scop => "SCOP",
        EmployerLegalForm.SoleTrader => "entreprise individuelle",
        _ => "autre forme",
    };

    public static string Sector(EmployerSector sector) => sector switch
    {
        EmployerSector.LivePerformance => "spectacle vivant",
        EmployerSector.Audiovisual => "audiovisuel",
        EmployerSector.Recording => "enregistrement",
        _ => "autre",
    };

    public static string Mandate(MandateKind kind) => kind == MandateKind.Complete ? "complet" : "partiel";
}
