using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using Partage.App.Infrastructure.Http;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Employers.Features;

public sealed record ImportResult(int Imported, IReadOnlyList<StaffContractView> Contracts);

/// <summary>
/// An employer's contracts as one CSV file (semicolons, UTF-8): every line checked by the same
/// rules as a contract submitted online; one bad line and nothing is imported, each problem
/// reported with its line number.
/// </summary>
public sealed class ImportStaffContracts(StaffContractRecorder recorder)
{
    /// <summary>The columns of the upload file, in order (semicolon separated, UTF-8).</summary>
    public static readonly string[] Columns =
        ["nom", "prenom", "nir", "date_naissance", "iban", "statut", "cadre", "emploi", "evenement", "debut", "fin", "heures", "cachets", "brut", "frais"];

    /// <summary>Columns a file may add: the DFS consented to (dramatic, musician, stage_manager; empty: none), the birthplace, a technician's days actually worked.</summary>
    public static readonly string[] OptionalColumns = ["dfs", "lieu_naissance", "pays_naissance", "jours_travailles"];

    /// <summary>Contracts in one file: a large festival's month, well under what one transaction checks and writes quickly.</summary>
    public const int MaxRowsPerFile = 2_000;

    /// <summary>Imports a CSV file of contracts: every line checked first; one bad line and nothing is imported, each problem reported with its line number.</summary>
    public async Task<ImportResult> HandleAsync(EmployerId employer, Stream file, Actor actor, CancellationToken ct = default)
    {
        await recorder.RequireSubmitterAsync(employer, actor, ct);
        var rows = new List<StaffContractInput>();
        using (var reader = new StringReader(await Utf8TextAsync(file, ct)))
        using (var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { Delimiter = ";", MissingFieldFound = null, BadDataFound = null }))
        {
            if (!await csv.ReadAsync() || !csv.ReadHeader() || csv.HeaderRecord is not { } header || !Columns.All(c => header.Contains(c, StringComparer.OrdinalIgnoreCase)))
            {
                throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
                {
                    ["file"] = [$"La première ligne du fichier nomme les colonnes : {string.Join(";", Columns)} (téléchargez le modèle)."],
                });
            }

            while (await csv.ReadAsync())
            {
                if (rows.Count == MaxRowsPerFile)
                {
                    throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
                    {
                        ["file"] = [$"Un fichier compte au plus {MaxRowsPerFile} contrats : découpez-le en plusieurs fichiers. Rien n'a été importé."],
                    });
                }

                string? Field(string name) => csv.TryGetField<string>(name, out var value) ? value : null;
                rows.Add(new StaffContractInput(Field("nom"), Field("prenom"), Field("nir"), Field("date_naissance"), Field("iban"), Field("statut"), Field("cadre"), Field("emploi"),
                    Field("evenement"), Field("debut"), Field("fin"), Field("heures"), Field("cachets"), Field("brut"), Field("frais"), Field("dfs"),
                    Field("lieu_naissance"), Field("pays_naissance")) { WorkedDays = Field("jours_travailles") });
            }
        }

        if (rows.Count == 0)
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = ["Le fichier ne contient aucun contrat."] });
        }

        return await recorder.RecordAsync(employer, rows, actor, fromFile: true, ct);
    }

    /// <summary>The largest file read: well above 2,000 contracts, far below what would strain the server.</summary>
    public const int MaxFileBytes = 4 * 1024 * 1024;

    /// <summary>
    /// The file as UTF-8 text, checked: a file saved in another encoding (Excel's « CSV (séparateur : point-virgule) » writes
    /// Windows-1252) would turn « é » into garbage that reaches the DPAE; it is refused, naming the line and how to save it.
    /// </summary>
    private static async Task<string> Utf8TextAsync(Stream file, CancellationToken ct)
    {
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, ct);
        if (buffer.Length > MaxFileBytes)
        {
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal) { ["file"] = [$"Le fichier dépasse {MaxFileBytes / (1024 * 1024)} Mo : découpez-le. Rien n'a été importé."] });
        }

        var bytes = buffer.ToArray();
        var start = bytes.AsSpan().StartsWith(System.Text.Encoding.UTF8.Preamble) ? 3 : 0;
        try
        {
            return new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, start, bytes.Length - start);
        }
        catch (System.Text.DecoderFallbackException e)
        {
            var line = 1 + bytes.AsSpan(0, Math.Clamp(start + e.Index, 0, bytes.Length)).Count((byte)'\n');
            throw new InputValidationException(new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["file"] = [$"Le fichier n'est pas en UTF-8 (ligne {line}) : enregistrez-le au format « CSV UTF-8 » (Excel : Fichier › Enregistrer sous › CSV UTF-8) ou téléchargez le modèle. Rien n'a été importé."],
            });
        }
    }

    /// <summary>The upload template: the header and one example line.</summary>
    public static byte[] Template()
    {
        var text = string.Join(";", [.. Columns, .. OptionalColumns]) + "\r\n"
            + "DURAND;Jeanne;290057511212353;1990-05-17;FR7630006000011234567890189;intermittent_artist;non;Chanteuse;Festival du Nord 2027;2027-01-15;2027-01-16;;2;600,00;45,00;;Paris;;\r\n";
        return [.. System.Text.Encoding.UTF8.GetPreamble(), .. System.Text.Encoding.UTF8.GetBytes(text)];
    }

    public static void Map(RouteGroupBuilder employers, RouteGroupBuilder api)
    {
        employers.MapPost("/{id:guid}/contracts.csv", async (Guid id, HttpRequest request, ImportStaffContracts import, StaffContractRecorder recorder, ActorAccessor actors, CancellationToken ct) =>
            {
                var actor = await actors.GetAsync(ct);
                await recorder.RequireSubmitterAsync(EmployerId.From(id), actor, ct);
                var form = request.HasFormContentType ? await request.ReadFormAsync(ct) : null;
                var file = form?.Files.GetFile("file")
                    ?? throw new Kernel.InputValidationException(new Dictionary<string, string[]> { ["file"] = ["Joignez le fichier CSV des contrats (champ « file »)."] });
                await using var stream = file.OpenReadStream();
                var result = await import.HandleAsync(EmployerId.From(id), stream, actor, ct);
                return TypedResults.Created($"/api/v1/employers/{id}/contracts", result);
            })
            .DisableAntiforgery()
            .WithName("ImportStaffContracts").WithSummary("Importer des contrats en CSV (modèle : contracts-template.csv) : tout ou rien, chaque ligne fautive signalée par son numéro").ProducesProblems();
        api.MapGet("/employers/contracts-template.csv", () => TypedResults.File(Template(), "text/csv; charset=utf-8", "modele-contrats.csv"))
            .WithTags("Gestion de contrats").WithName("StaffContractsTemplate").WithSummary("Le modèle du fichier CSV des contrats").Produces(StatusCodes.Status200OK, contentType: "text/csv");
    }
}
