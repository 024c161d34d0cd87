package scheme

// Schemes not implemented yet: Parse fails with a clear error.

type apkScheme struct{}

func (apkScheme) Name() string                    { return "apk" }
func (apkScheme) Parse(s string) (Version, error) { return nil, errStub("apk", s) }

type bindScheme struct{}

func (bindScheme) Name() string                    { return "bind" }
func (bindScheme) Parse(s string) (Version, error) { return nil, errStub("bind", s) }

type ciscoScheme struct{}

func (ciscoScheme) Name() string                    { return "cisco" }
func (ciscoScheme) Parse(s string) (Version, error) { return nil, errStub("cisco", s) }

type gemScheme struct{}

func (gemScheme) Name() string                    { return "gem" }
func (gemScheme) Parse(s string) (Version, error) { return nil, errStub("gem", s) }

type gitlabScheme struct{}

func (gitlabScheme) Name() string                    { return "gitlab" }
func (gitlabScheme) Parse(s string) (Version, error) { return nil, errStub("gitlab", s) }

type javaScheme struct{}

func (javaScheme) Name() string                    { return "java" }
func (javaScheme) Parse(s string) (Version, error) { return nil, errStub("java", s) }

type junosScheme struct{}

func (junosScheme) Name() string                    { return "junos" }
func (junosScheme) Parse(s string) (Version, error) { return nil, errStub("junos", s) }

type panosScheme struct{}

func (panosScheme) Name() string                    { return "panos" }
func (panosScheme) Parse(s string) (Version, error) { return nil, errStub("panos", s) }

type tomcatScheme struct{}

func (tomcatScheme) Name() string                    { return "tomcat" }
func (tomcatScheme) Parse(s string) (Version, error) { return nil, errStub("tomcat", s) }

type vmwareScheme struct{}

func (vmwareScheme) Name() string                    { return "vmware" }
func (vmwareScheme) Parse(s string) (Version, error) { return nil, errStub("vmware", s) }
