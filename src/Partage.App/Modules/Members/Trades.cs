namespace Partage.App.Modules.Members;

public sealed record Trade(string Code, string Label, string Family);

/// <summary>
/// The trade families of the 2016 activity report (live-performance contracts and other trades),
/// with stable codes. The labels are the report's.
/// </summary>
public static class Trades
{
    public const string LivePerformance = "Spectacle vivant";
    public const string OtherTrades = "Autres métiers";

    public static readonly IReadOnlyList<Trade> All =
    [
        new("technician", "Technicien", LivePerformance),
        new("musician_singer", "Musiciens/Chanteurs", LivePerformance),
        new("actor", "Artistes dramatiques", LivePerformance),
        new("circus_artist", "Artistes de cirque", LivePerformance),
        new("dancer", "Artistes chorégraphiques", LivePerformance),
        new("admin_support", "Support Admin", OtherTrades),
        new("graphic_web_designer", "Graphistes / Web designers", OtherTrades),
        new("consultant_trainer", "Conseillers/Formateurs", OtherTrades),
        new("author", "Auteurs", OtherTrades),
        new("audiovisual", "Audiovisuel", OtherTrades),
        new("communication", "Métiers de la communication", OtherTrades),
        new("workshop_leader", "Animateurs / Animateurs d'ateliers", OtherTrades),
        new("other", "Autre", OtherTrades),
    ];

    public static Trade? Find(string? code) => All.FirstOrDefault(t => t.Code == code);

    public static string Label(string code) => Find(code)?.Label ?? code;
}
