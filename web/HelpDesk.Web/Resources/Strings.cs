namespace HelpDesk.Web.Resources;

/// <summary>Marker for the shared resources: Strings.resx (English) and Strings.{vi,zh-Hans,zh-Hant}.resx.</summary>
public sealed class Strings;
