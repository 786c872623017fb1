using System.Buffers.Text;
using System.Globalization;
using System.Text;
using Partage.App.Infrastructure;
using Partage.App.Security;
using Partage.Kernel;

namespace Partage.App.Modules.Members.Features;

/// <summary>
/// The member list page by page from a position (keyset paging) rather than by page number: the page
/// after a row, the page before a row, or the end of the list. Nothing is counted and no row is
/// skipped over, so the end of a list of a million members comes as fast as its start (an OFFSET walks
/// every row before the page, and the count reads them all; docs/performance.md).
/// </summary>
public sealed record MemberScroll : MemberFilters
{
    /// <summary>The page after this position (a <see cref="MemberScrollPage.Next"/> received).</summary>
    public string? After { get; init; }

    /// <summary>The page before this position (a <see cref="MemberScrollPage.Previous"/> received).</summary>
    public string? Before { get; init; }

    /// <summary>The last page of the list.</summary>
    public bool? End { get; init; }
}

/// <summary>A page of members and the positions to ask for the neighbouring pages (null at either end).</summary>
public sealed record MemberScrollPage(IReadOnlyList<MemberListItem> Items, int PageSize, string? Previous, string? Next);

public sealed class ScrollMembers(SearchMembers search)
{
    public static readonly string[] Columns = ["name", "number"];

    public async Task<MemberScrollPage> HandleAsync(MemberScroll input, Actor actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(input);
        var v = new Validation();
        var order = SortOrder.Parse(input.Sort, Columns, SearchMembers.ByName);
        var after = Position.Read(v, nameof(input.After), input.After, order.Column);
        var before = Position.Read(v, nameof(input.Before), input.Before, order.Column);
        if (new[] { after is not null, before is not null, input.End == true }.Count(b => b) > 1)
        {
            v.Add(nameof(input.After), "Demandez la page après une position, avant une position ou la fin de la liste, pas plusieurs à la fois.");
        }

        v.ThrowIfInvalid();
        var size = new PageRequest(1, input.PageSize).Size;
        var query = search.Filter(input, actor);

        // Read backwards for the page before a position and for the end: the order reversed, then the rows put back.
        var backwards = before is not null || input.End == true;
        var from = after ?? before;
        if (from is not null)
        {
            query = from.Beyond(query, ascending: order.Descending == backwards);
        }

        var rows = await search.ItemsAsync(Position.Ordered(query, order.Column, ascending: order.Descending == backwards).Take(size + 1), ct);
        var more = rows.Count > size;
        var items = rows.Take(size).ToList();
        if (backwards)
        {
            items.Reverse();
        }

        string? First() => items.Count == 0 ? null : Position.Of(items[0], order.Column);
        string? Last() => items.Count == 0 ? null : Position.Of(items[^1], order.Column);
        return backwards
            ? new MemberScrollPage(items, size, more ? First() : null, before is not null ? Last() : null)
            : new MemberScrollPage(items, size, after is not null ? First() : null, more ? Last() : null);
    }

    /// <summary>A row's place in the order: its sort key and its number (unique), written as an opaque URL-safe token.</summary>
    private sealed record Position(string Column, string LastName, string FirstName, long Number)
    {
        private const char Separator = '\u001f';

        public static string Of(MemberListItem m, string column) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(column == "number"
            ? string.Join(Separator, column, m.Number.ToString(CultureInfo.InvariantCulture))
            : string.Join(Separator, column, m.LastName, m.FirstName, m.Number.ToString(CultureInfo.InvariantCulture))));

        public static Position? Read(Validation v, string field, string? token, string column)
        {
            if (string.IsNullOrEmpty(token))
            {
                return null;
            }

            try
            {
                var parts = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(token)).Split(Separator);
                if (parts[0] == column && long.TryParse(parts[^1], NumberStyles.None, CultureInfo.InvariantCulture, out var number)
                    && parts.Length == (column == "number" ? 2 : 4))
                {
                    return column == "number" ? new Position(column, string.Empty, string.Empty, number) : new Position(column, parts[1], parts[2], number);
                }
            }
            catch (FormatException)
            {
                // Refused below, as any token this list did not give.
            }

            v.Add(field, "Position inconnue : reprenez la liste depuis le début (la position ne vaut que pour le tri qui l'a donnée).");
            return null;
        }

        public static IQueryable<Member> Ordered(IQueryable<Member> query, string column, bool ascending) => (column, ascending) switch
        {
            ("number", true) => query.OrderBy(m => m.Number),
            ("number", false) => query.OrderByDescending(m => m.Number),
            (_, true) => query.OrderBy(m => m.LastName).ThenBy(m => m.FirstName).ThenBy(m => m.Number),
            _ => query.OrderByDescending(m => m.LastName).ThenByDescending(m => m.FirstName).ThenByDescending(m => m.Number),
        };

        /// <summary>
        /// The rows after this position in the ascending order, or before it. The first condition on the
        /// name alone repeats what the others say: it lets the database start its index walk at the position.
        /// </summary>
        public IQueryable<Member> Beyond(IQueryable<Member> query, bool ascending) => (Column, ascending) switch
        {
            ("number", true) => query.Where(m => m.Number > Number),
            ("number", false) => query.Where(m => m.Number < Number),
            (_, true) => query.Where(m => string.Compare(m.LastName, LastName) >= 0
                && (string.Compare(m.LastName, LastName) > 0 || (m.LastName == LastName
                    && (string.Compare(m.FirstName, FirstName) > 0 || (m.FirstName == FirstName && m.Number > Number))))),
            _ => query.Where(m => string.Compare(m.LastName, LastName) <= 0
                && (string.Compare(m.LastName, LastName) < 0 || (m.LastName == LastName
                    && (string.Compare(m.FirstName, FirstName) < 0 || (m.FirstName == FirstName && m.Number < Number))))),
        };
    }

    public static void Map(RouteGroupBuilder members) =>
        members.MapGet("/scroll", async ([AsParameters] MemberScroll input, ScrollMembers handler, ActorAccessor actors, CancellationToken ct) =>
                await handler.HandleAsync(input, await actors.GetAsync(ct), ct))
            .WithName("ScrollMembers").WithSummary("Liste des membres visibles par positions (page suivante, précédente, fin de liste), sans comptage")
            .ProducesValidationProblem();
}
